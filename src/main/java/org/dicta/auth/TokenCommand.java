package org.dicta.auth;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code java -jar quarkus-run.jar token --subject NAME [--role editor|admin] [--hours N]}: mints a bearer token for an
 * editor of a one-machine installation. On first use it creates the RSA key pair in {@code $DICTA_DATA_DIR/keys}
 * (default {@code data/keys}), whose public half the application verifies tokens with. Newsrooms with an identity
 * provider point the verifier at its JWKS instead and do not use this command.
 */
public final class TokenCommand {

    static final String PRIVATE_KEY = "private-key.pem";
    static final String PUBLIC_KEY = "public-key.pem";

    private TokenCommand() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String subject = null;
        String role = Roles.EDITOR;
        long hours = 12;
        Path keys = Path.of(System.getenv().getOrDefault("DICTA_DATA_DIR", "data"), "keys");
        String issuer = System.getenv().getOrDefault("DICTA_AUTH_ISSUER", "dicta");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--subject" -> subject = args[++i];
                    case "--role" -> role = args[++i];
                    case "--hours" -> hours = Long.parseLong(args[++i]);
                    case "--keys" -> keys = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println("token: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value" : e.getMessage()));
            err.println("usage: token --subject NAME [--role editor|admin] [--hours N] [--keys DIR]");
            return 2;
        }
        if (subject == null || subject.isBlank() || !(role.equals(Roles.EDITOR) || role.equals(Roles.ADMIN)) || hours < 1) {
            err.println("usage: token --subject NAME [--role editor|admin] [--hours N] [--keys DIR]");
            return 2;
        }
        try {
            PrivateKey key = privateKey(keys, err);
            Set<String> groups = new LinkedHashSet<>();
            groups.add(Roles.EDITOR);
            groups.add(role);
            out.println(Jwt.issuer(issuer).subject(subject).upn(subject).groups(groups)
                    .expiresIn(Duration.ofHours(hours)).jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                    .sign(key));
            err.println("Token for " + subject + " (" + String.join(", ", groups) + "), valid " + hours + " h, issuer " + issuer
                    + "; verified with " + keys.resolve(PUBLIC_KEY));
            return 0;
        } catch (IOException | GeneralSecurityException e) {
            err.println("token: cannot read or create the key pair in " + keys + ": " + e.getMessage());
            return 1;
        }
    }

    /** The signing key, created with its public half on first use. */
    static PrivateKey privateKey(Path keys, PrintStream err) throws IOException, GeneralSecurityException {
        Path privatePem = keys.resolve(PRIVATE_KEY);
        if (!Files.exists(privatePem)) {
            Files.createDirectories(keys);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // keep the file system's defaults
            }
            Files.writeString(keys.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            err.println("Created a key pair in " + keys);
        }
        String pem = Files.readString(privatePem, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
