package handoff.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import handoff.embedded.DevOidcIssuer;
import handoff.testing.TestHandoff;
import handoff.testing.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Only tokens the configured issuer signed, for this audience, unexpired, identify anyone. */
class IdentityVerificationIT {
    final TestHandoff handoff = new TestHandoff();
    final TestIssuer issuer = TestIssuer.get();
    final JsonNode link = handoff.createdAnonymous();

    @Test
    void genuineTokenIsAccepted() {
        assertThat(consumeWith(issuer.token("user_ada", null)).getStatusCode()).isEqualTo(200);
    }

    @Test
    void tokenWithTheRightClaimsSignedByTheIssuerIsAccepted() {
        assertThat(consumeWith(signWithIssuersKey(claims(issuer.issuer.issuer(), DevOidcIssuer.AUDIENCE, 600)))
                .getStatusCode()).isEqualTo(200);
    }

    @Test
    void tokenSignedByAnotherKeyWithTheIssuersKeyIdIsRejected() throws Exception {
        String kid = SignedJWT.parse(issuer.token("x", null)).getHeader().getKeyID();
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(kid).generate();

        assertRejected(sign(impostor, claims(issuer.issuer.issuer(), DevOidcIssuer.AUDIENCE, 600)));
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        assertRejected(signWithIssuersKey(claims("https://evil.example.com", DevOidcIssuer.AUDIENCE, 600)));
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        assertRejected(signWithIssuersKey(claims(issuer.issuer.issuer(), "some-other-app", 600)));
    }

    @Test
    void expiredTokenIsRejected() {
        assertRejected(signWithIssuersKey(claims(issuer.issuer.issuer(), DevOidcIssuer.AUDIENCE, -120)));
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() throws Exception {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)).toString();
        String payload = claims(issuer.issuer.issuer(), DevOidcIssuer.AUDIENCE, 600).toPayload().toBase64URL().toString();

        assertRejected(header + "." + payload + ".");
    }

    @Test
    void hmacTokenKeyedWithThePublicKeyIsRejected() throws Exception {
        byte[] publicJwks = issuer.issuer.jwksJson().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims(issuer.issuer.issuer(), DevOidcIssuer.AUDIENCE, 600));
        jwt.sign(new MACSigner(java.util.Arrays.copyOf(publicJwks, Math.max(64, publicJwks.length))));

        assertRejected(jwt.serialize());
    }

    @Test
    void tokenWithAnUnknownKeyIdIsRejectedAfterRefetchingTheKeys() throws Exception {
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("rotated-key-that-does-not-exist").generate();

        assertRejected(sign(unknown, claims(issuer.issuer.issuer(), DevOidcIssuer.AUDIENCE, 600)));
    }

    @Test
    void garbageIsRejected() {
        assertRejected("not.a.jwt");
    }

    private void assertRejected(String idToken) {
        APIGatewayV2HTTPResponse response = consumeWith(idToken);
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(TestHandoff.json(response).at("/error/code").asText()).isEqualTo("invalid_identity");
        // And nothing changed: the genuine human can still claim the link.
        assertThat(consumeWith(issuer.token("user_ada", null)).getStatusCode()).isEqualTo(200);
    }

    private APIGatewayV2HTTPResponse consumeWith(String idToken) {
        return handoff.consume(link.get("claimToken").asText(), idToken);
    }

    /** Validly signed by the configured issuer, so only the claim under test can cause the rejection. */
    private String signWithIssuersKey(JWTClaimsSet claims) {
        return issuer.issuer.sign(claims);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(String iss, String aud, long expiresInSeconds) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(iss).audience(aud).subject("mallory")
                .issueTime(Date.from(now.minusSeconds(300))).expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
                .build();
    }
}
