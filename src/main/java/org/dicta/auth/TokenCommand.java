package org.dicta.auth;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code java -jar quarkus-run.jar token --subject NAME [--role editor|admin|subscriber] [--hours N]}: mints a bearer
 * token for an editor (an admin is also an editor) or a webhook subscriber (that role only) of a one-machine installation, signed with the private half of the {@link InstallationKeyPair} in
 * {@code $DICTA_DATA_DIR/keys} (default {@code data/keys}, beside where it is run). The application creates that pair
 * at its first start and verifies tokens with its public half, so a running instance accepts the token at once; when
 * the command runs first, it creates the pair itself. Newsrooms with an identity provider point the verifier at its
 * JWKS instead and do not use this command.
 */
public final class TokenCommand {

    private static final String USAGE = "usage: token --subject NAME [--role editor|admin|subscriber] [--hours N] [--keys DIR]";

    private TokenCommand() {
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String subject = null;
        String role = Roles.EDITOR;
        long hours = 12;
        Path keys = InstallationKeyPair.inDataDirectory(Path.of(System.getenv().getOrDefault("DICTA_DATA_DIR", "data")))
                .directory();
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
            err.println(USAGE);
            return 2;
        }
        if (subject == null || subject.isBlank() || !(role.equals(Roles.EDITOR) || role.equals(Roles.ADMIN)
                || role.equals(Roles.SUBSCRIBER)) || hours < 1) {
            err.println(USAGE);
            return 2;
        }
        try {
            InstallationKeyPair pair = new InstallationKeyPair(keys);
            if (pair.createIfMissing()) {
                err.println("Created a key pair in " + keys);
            }
            PrivateKey key = pair.signingKey();
            Set<String> groups = new LinkedHashSet<>();
            if (!role.equals(Roles.SUBSCRIBER)) {
                groups.add(Roles.EDITOR); // an admin edits too; a subscriber only subscribes
            }
            groups.add(role);
            out.println(Jwt.issuer(issuer).subject(subject).upn(subject).groups(groups)
                    .expiresIn(Duration.ofHours(hours)).jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                    .sign(key));
            err.println("Token for " + subject + " (" + String.join(", ", groups) + "), valid " + hours + " h, issuer " + issuer
                    + "; verified with " + pair.publicKeyFile());
            return 0;
        } catch (IOException | GeneralSecurityException e) {
            err.println("token: cannot read or create the key pair in " + keys + ": " + e.getMessage());
            return 1;
        }
    }
}
