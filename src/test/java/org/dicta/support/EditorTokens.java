package org.dicta.support;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/** Real signed tokens for tests, as an identity provider would issue them (the %test profile trusts the test key). */
public final class EditorTokens {

    private static final PrivateKey TEST_KEY = load();

    private EditorTokens() {
    }

    public static String editor(String subject) {
        return sign(subject, Set.of("editor"), "dicta", Instant.now().plusSeconds(3600), TEST_KEY);
    }

    public static String admin(String subject) {
        return sign(subject, Set.of("editor", "admin"), "dicta", Instant.now().plusSeconds(3600), TEST_KEY);
    }

    public static String withRoles(String subject, Set<String> roles) {
        return sign(subject, roles, "dicta", Instant.now().plusSeconds(3600), TEST_KEY);
    }

    public static String expired(String subject) {
        return sign(subject, Set.of("editor"), "dicta", Instant.now().minusSeconds(3600), TEST_KEY);
    }

    public static String fromOtherIssuer(String subject) {
        return sign(subject, Set.of("editor"), "someone-else", Instant.now().plusSeconds(3600), TEST_KEY);
    }

    public static String signedByAnotherKey(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(subject, Set.of("editor", "admin"), "dicta", Instant.now().plusSeconds(3600),
                    generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String subject, Set<String> roles, String issuer, Instant expiresAt, PrivateKey key) {
        return Jwt.issuer(issuer).subject(subject).upn(subject).groups(roles)
                .issuedAt(expiresAt.minusSeconds(7200)).expiresAt(expiresAt)
                .jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    private static PrivateKey load() {
        try (InputStream in = EditorTokens.class.getResourceAsStream("/test-keys/private-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
