package org.dicta.auth;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.Set;
import org.dicta.web.ProblemMapper;
import org.jboss.logging.Logger;

/**
 * The bearer-token mechanism of smallrye-jwt, except that when tokens cannot be verified at all (the verification key
 * cannot be read, e.g. a key file that is missing or not a key) a request is refused as unauthenticated, with a
 * 401 problem, instead of failing with a 500: a request with a token gets an {@link AuthenticationFailedException}
 * marked with {@link #VERIFICATION_UNAVAILABLE}, one without stays anonymous (and a write then needs a token, as
 * always). The cause is logged for the operators, never sent to the client.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    /** Attribute of the {@link AuthenticationFailedException} of a request refused because no token can be verified. */
    public static final String VERIFICATION_UNAVAILABLE = ProblemMapper.TOKENS_UNVERIFIABLE;

    private static final Logger LOG = Logger.getLogger(BearerTokenMechanism.class);
    private static final String BEARER = "Bearer";

    private final JWTAuthMechanism tokens;

    BearerTokenMechanism(JWTAuthMechanism tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().deferred(() -> tokens.authenticate(context, identityProviderManager))
                .onFailure(failure -> !(failure instanceof AuthenticationException))
                .recoverWithUni(failure -> verificationUnavailable(context, failure));
    }

    private static Uni<SecurityIdentity> verificationUnavailable(RoutingContext context, Throwable cause) {
        LOG.errorf("Editors' tokens cannot be verified, so writes are refused: %s", cause.getMessage());
        if (context.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().nullItem(); // no token presented: anonymous, as the request would be anyway
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("The bearer token cannot be verified", cause,
                Map.of(VERIFICATION_UNAVAILABLE, true)));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return tokens.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return tokens.getCredentialTypes();
    }

    /** Where the token is read from; the Authorization header when the verifier's settings cannot be read either. */
    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().deferred(() -> tokens.getCredentialTransport(context))
                .onFailure().recoverWithItem(() -> new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, BEARER));
    }

    @Override
    public int getPriority() {
        return tokens.getPriority();
    }
}
