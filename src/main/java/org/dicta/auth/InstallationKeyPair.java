package org.dicta.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * The RSA key pair of a one-machine installation, two PEM files in one directory: {@code private-key.pem} (PKCS #8,
 * readable by its owner only) signs the {@code token} command's tokens, {@code public-key.pem} (X.509) is what the
 * application verifies them with by default.
 *
 * <p>Whichever needs the pair first creates it: the application at its first start ({@link KeyPairAtFirstStart}) or the
 * {@code token} command ({@link TokenCommand}), possibly both at the same moment. Each file is written to a temporary
 * file beside it and then published under its name with a hard link, which is atomic and never replaces a file that is
 * there already (on a file system without hard links, with a move that refuses an existing target). The private key
 * is published first and the public key is always derived from the private key on disk, so that of two creators the
 * one that loses keeps the winner's pair, and the two files always belong together.
 */
public final class InstallationKeyPair {

    /** The folder of the data directory ({@code dicta.data-dir}) that holds the pair. */
    public static final String FOLDER = "keys";
    public static final String PRIVATE_KEY = "private-key.pem";
    public static final String PUBLIC_KEY = "public-key.pem";

    private static final String ALGORITHM = "RSA";
    private static final int KEY_BITS = 2048;
    private static final String PRIVATE_PEM_TYPE = "PRIVATE KEY";
    private static final String PUBLIC_PEM_TYPE = "PUBLIC KEY";
    private static final int PEM_LINE_LENGTH = 64;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

    private final Path directory;

    /** The pair in this directory. */
    public InstallationKeyPair(Path directory) {
        this.directory = directory;
    }

    /** The pair in the {@code keys} folder of a data directory, where the application's default settings look for it. */
    public static InstallationKeyPair inDataDirectory(Path dataDir) {
        return new InstallationKeyPair(dataDir.resolve(FOLDER));
    }

    public Path directory() {
        return directory;
    }

    public Path privateKeyFile() {
        return directory.resolve(PRIVATE_KEY);
    }

    public Path publicKeyFile() {
        return directory.resolve(PUBLIC_KEY);
    }

    /**
     * Makes sure that the public key file exists: when neither file does, from a new pair; when only the private key
     * does, from that key. A public key without its private half is left as it is: an instance may hold only the public
     * key of a pair kept elsewhere.
     *
     * @return whether this call created a new pair (false when it found one, or another process created it first)
     */
    public boolean createIfMissing() throws IOException, GeneralSecurityException {
        if (Files.exists(publicKeyFile())) {
            return false;
        }
        Files.createDirectories(directory);
        boolean created = false;
        if (!Files.exists(privateKeyFile())) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(KEY_BITS);
            created = publish(pem(PRIVATE_PEM_TYPE, generator.generateKeyPair().getPrivate().getEncoded()), privateKeyFile(),
                    OWNER_ONLY);
        }
        publish(pem(PUBLIC_PEM_TYPE, publicKeyOf(signingKey()).getEncoded()), publicKeyFile(), READABLE_BY_ALL);
        return created;
    }

    /**
     * The key that signs tokens.
     *
     * @throws NoSuchFileException when there is no private key (create the pair first, see {@link #createIfMissing()})
     */
    public PrivateKey signingKey() throws IOException, GeneralSecurityException {
        if (!Files.exists(privateKeyFile()) && Files.exists(publicKeyFile())) {
            throw new NoSuchFileException(privateKeyFile().toString(), null, "only the public key of the pair is here ("
                    + PUBLIC_KEY + "); mint tokens where its private key is, or remove " + PUBLIC_KEY
                    + " to create a new pair (tokens signed with the old one are then refused)");
        }
        String base64 = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII)
                .replace("-----BEGIN " + PRIVATE_PEM_TYPE + "-----", "")
                .replace("-----END " + PRIVATE_PEM_TYPE + "-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidKeySpecException(privateKeyFile() + " is not a PEM-encoded PKCS #8 private key", notBase64);
        }
    }

    /** The public half of an RSA private key that keeps its public exponent, as the keys Java generates do. */
    private PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new InvalidKeySpecException(privateKeyFile() + " holds no public exponent to derive " + PUBLIC_KEY + " from");
        }
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }

    /**
     * Writes the content to a temporary file beside the target, on disk, and publishes it under the target's name
     * unless a file is there already.
     *
     * @return whether this call published the file
     */
    private static boolean publish(byte[] content, Path target, Set<PosixFilePermission> permissions) throws IOException {
        Path folder = target.getParent();
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        String prefix = "." + target.getFileName() + ".";
        Path temporary = posix
                ? Files.createTempFile(folder, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, prefix, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(temporary, permissions); // exact, whatever the process's umask
            }
            try {
                Files.createLink(target, temporary);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                try {
                    Files.move(temporary, target); // without REPLACE_EXISTING: an existing target is kept
                    return true;
                } catch (FileAlreadyExistsException taken) {
                    return false;
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] pem(String type, byte[] der) {
        return ("-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(PEM_LINE_LENGTH, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
