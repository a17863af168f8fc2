package org.dicta.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installation's key pair: created once, whole, owner-only, never replaced, and always a matching pair. */
class InstallationKeyPairTest {

    private static final byte[] MESSAGE = "a token's signing input".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path data;

    @Test
    void createsAMatchingPairInTheKeysFolderWithAPrivateKeyOnlyItsOwnerReads() throws Exception {
        InstallationKeyPair pair = InstallationKeyPair.inDataDirectory(data);
        assertThat(pair.createIfMissing()).isTrue();

        assertThat(pair.directory()).isEqualTo(data.resolve("keys"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pair.privateKeyFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pair.publicKeyFile()))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(pair.publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertSignaturesVerify(pair);
        try (Stream<Path> files = Files.list(pair.directory())) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no temporary file left").containsExactlyInAnyOrder("private-key.pem", "public-key.pem");
        }
    }

    @Test
    void aSecondCallKeepsThePairItFinds() throws Exception {
        InstallationKeyPair pair = InstallationKeyPair.inDataDirectory(data);
        pair.createIfMissing();
        byte[] privateKey = Files.readAllBytes(pair.privateKeyFile());
        byte[] publicKey = Files.readAllBytes(pair.publicKeyFile());

        assertThat(new InstallationKeyPair(pair.directory()).createIfMissing()).isFalse();
        assertThat(Files.readAllBytes(pair.privateKeyFile())).isEqualTo(privateKey);
        assertThat(Files.readAllBytes(pair.publicKeyFile())).isEqualTo(publicKey);
    }

    @Test
    void derivesAMissingPublicKeyFromThePrivateKey() throws Exception {
        InstallationKeyPair pair = InstallationKeyPair.inDataDirectory(data);
        pair.createIfMissing();
        byte[] publicKey = Files.readAllBytes(pair.publicKeyFile());
        Files.delete(pair.publicKeyFile());

        assertThat(pair.createIfMissing()).as("no new pair").isFalse();
        assertThat(Files.readAllBytes(pair.publicKeyFile())).isEqualTo(publicKey);
    }

    @Test
    void leavesAPublicKeyAloneAndSaysWhyNoTokenCanBeSignedWithIt() throws Exception {
        InstallationKeyPair pair = InstallationKeyPair.inDataDirectory(data);
        pair.createIfMissing();
        byte[] publicKey = Files.readAllBytes(pair.publicKeyFile());
        Files.delete(pair.privateKeyFile());

        assertThat(pair.createIfMissing()).isFalse();
        assertThat(pair.privateKeyFile()).doesNotExist();
        assertThat(Files.readAllBytes(pair.publicKeyFile())).isEqualTo(publicKey);
        assertThatThrownBy(pair::signingKey).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("only the public key of the pair is here");
    }

    @Test
    void creatorsRacingForTheSamePairEndWithOneMatchingPair() throws Exception {
        int creators = 8;
        ExecutorService pool = Executors.newFixedThreadPool(creators);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < creators; i++) {
                Callable<Boolean> create = () -> {
                    start.await();
                    return InstallationKeyPair.inDataDirectory(data).createIfMissing();
                };
                results.add(pool.submit(create));
            }
            start.countDown();
            int created = 0;
            for (Future<Boolean> result : results) {
                created += result.get() ? 1 : 0;
            }
            assertThat(created).as("creators that published the pair").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertSignaturesVerify(InstallationKeyPair.inDataDirectory(data));
    }

    private static void assertSignaturesVerify(InstallationKeyPair pair) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.signingKey());
        signer.update(MESSAGE);
        byte[] signature = signer.sign();

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey(pair.publicKeyFile()));
        verifier.update(MESSAGE);
        assertThat(verifier.verify(signature)).as("the public key verifies what the private key signs").isTrue();
    }

    private static PublicKey publicKey(Path file) throws Exception {
        String base64 = Files.readString(file).replaceAll("-----(BEGIN|END) PUBLIC KEY-----|\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
