package handoff.embedded;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A development OpenID Connect issuer: an RSA signing key made at start, its public JWKS, and signed
 * ID tokens for any user and organization. Stands in for the real identity provider locally and in
 * tests; the functions verify its tokens exactly as they verify production ones.
 */
public final class DevOidcIssuer {
    public static final String AUDIENCE = "handoff-local";
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String ORGANIZATION_CLAIM = "org_id";

    private final String issuer;
    private final RSAKey key;

    public DevOidcIssuer(String issuer) {
        this.issuer = issuer;
        try {
            this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the dev signing key", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The public keys, as served at {@link #JWKS_PATH}. */
    public String jwksJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A signed token for {@code subject}, acting for {@code organizationId} when not null. */
    public String token(String subject, String organizationId, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)));
        if (organizationId != null) claims.claim(ORGANIZATION_CLAIM, organizationId);
        return sign(claims.build());
    }

    /** Signs any claims with the issuer's key; tests use it to make validly signed but otherwise wrong tokens. */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a dev token", e);
        }
        return jwt.serialize();
    }
}
