package org.dicta.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the installation's key pair ({@link InstallationKeyPair}) at start-up when tokens are verified with its public
 * half and there is none yet, so that a fresh install refuses writes with 401 rather than failing them, and tokens the
 * {@code token} command mints later verify without a restart.
 *
 * <p>It does so only when {@code mp.jwt.verify.publickey.location} names the default file,
 * {@code ${dicta.data-dir}/keys/public-key.pem}, and no inline key is configured: a key location set elsewhere (an
 * identity provider's JWKS, another file) is the operator's to provide, and is never created. Start-up observers run
 * before the HTTP server takes requests, and smallrye-jwt reads the key at the first authentication, so the key is
 * there when it is first read. When the pair cannot be created, the application starts all the same: reads are served,
 * and writes are refused with 401 until the key is there (see {@link BearerTokenMechanism}).
 */
@ApplicationScoped
public class KeyPairAtFirstStart {

    private static final Logger LOG = Logger.getLogger(KeyPairAtFirstStart.class);

    private final InstallationKeyPair keyPair;
    private final boolean verifiesWithIt;

    /**
     * Reads single settings rather than a {@code @ConfigMapping}: one with the prefix {@code dicta} would claim (and
     * refuse) every other {@code dicta.*} setting, and the verifier's settings are smallrye-jwt's.
     */
    KeyPairAtFirstStart(@ConfigProperty(name = "dicta.data-dir") Path dataDir,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> verifyKeyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> inlineVerifyKey) {
        this.keyPair = InstallationKeyPair.inDataDirectory(dataDir);
        this.verifiesWithIt = inlineVerifyKey.isEmpty() && verifyKeyLocation.filter(this::isDefaultKeyFile).isPresent();
    }

    /** First of the start-up observers (before the corpus import), so that nothing is served before the key exists. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!verifiesWithIt) {
            return;
        }
        try {
            if (keyPair.createIfMissing()) {
                LOG.infof("Created the key pair for editors' tokens in %s; mint one with `java -jar quarkus-run.jar token "
                        + "--subject NAME` run in the same directory", keyPair.directory());
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.errorf("Cannot create the key pair for editors' tokens in %s (%s); writes are refused with 401 until %s "
                    + "can be read", keyPair.directory(), e.getMessage(), keyPair.publicKeyFile());
        }
    }

    /** Whether a configured key location is the public key file of the pair in the data directory. */
    private boolean isDefaultKeyFile(String location) {
        try {
            return Path.of(location).toAbsolutePath().normalize().equals(keyPair.publicKeyFile().toAbsolutePath().normalize());
        } catch (InvalidPathException notAFile) {
            return false;
        }
    }
}
