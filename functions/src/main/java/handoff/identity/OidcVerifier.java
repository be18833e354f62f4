package handoff.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import handoff.core.ServiceUnavailableException;
import handoff.core.claimtoken.Identity;
import handoff.core.claimtoken.IdentityVerifier;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies OpenID Connect ID/access tokens: signature against the issuer's JWKS (cached, refetched when
 * an unknown key id appears), issuer, audience, expiry, and an asymmetric algorithm. Unsigned tokens
 * ({@code alg: none}) and HMAC-signed ones are refused, so a public key can never be used as an HMAC
 * secret. The keys are fetched on first use, not at start-up.
 */
public final class OidcVerifier implements IdentityVerifier {
    /** Asymmetric algorithms only. */
    static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String organizationClaim;

    public OidcVerifier(String issuer, String audience, String jwksUrl, String organizationClaim) {
        this.organizationClaim = organizationClaim;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(URI.create(jwksUrl).toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("JWKS URL is not a URL", e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")));
    }

    @Override
    public Optional<Identity> verify(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Object org = claims.getClaim(organizationClaim);
            String organization = org instanceof String s && !s.isBlank() ? s : null;
            return Optional.of(new Identity(claims.getSubject(), organization));
        } catch (KeySourceException e) {
            throw new ServiceUnavailableException("The identity provider's keys could not be fetched", e);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return Optional.empty();
        }
    }
}
