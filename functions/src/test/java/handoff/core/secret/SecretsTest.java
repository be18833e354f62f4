package handoff.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretsTest {
    final Secrets secrets = new Secrets();

    @ParameterizedTest
    @EnumSource(SecretKind.class)
    void mintedSecretsCarryTheirKindsPrefixAndPassTheirOwnCheck(SecretKind kind) {
        String secret = secrets.mint(kind);

        assertThat(secret).startsWith(kind.prefix).hasSize(kind.prefix.length() + 36);
        assertThat(Secrets.wellFormed(kind, secret)).contains(secret);
    }

    @Test
    void everySingleCharacterTypoIsRefusedByTheChecksum() {
        String secret = secrets.mint(SecretKind.CLAIM_CODE);
        for (int i = SecretKind.CLAIM_CODE.prefix.length(); i < secret.length(); i++) {
            char replacement = secret.charAt(i) == 'x' ? 'y' : 'x';
            String typo = secret.substring(0, i) + replacement + secret.substring(i + 1);
            assertThat(Secrets.wellFormed(SecretKind.CLAIM_CODE, typo)).as("typo at %d", i).isEmpty();
        }
    }

    @Test
    void aSecretOfAnotherKindIsNotAcceptedAsThisKind() {
        String apiKey = secrets.mint(SecretKind.API_KEY);

        assertThat(Secrets.wellFormed(SecretKind.CLAIM_CODE, apiKey)).isEmpty();
        assertThat(Secrets.wellFormed(SecretKind.API_KEY, null)).isEmpty();
        assertThat(Secrets.wellFormed(SecretKind.API_KEY, apiKey + "=")).isEmpty();
    }

    @Test
    void secretsAndIdsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(secrets.mint(SecretKind.CLAIM_TOKEN))).isTrue();
            assertThat(seen.add(secrets.newId("link_"))).isTrue();
        }
    }

    @Test
    void idsAreUrlSafeAndCarryAtLeast128RandomBits() {
        String id = secrets.newId("link_");

        assertThat(id).matches("link_[0-9A-Za-z]{22}");
        assertThat(22 * Math.log(62) / Math.log(2)).isGreaterThanOrEqualTo(128);
    }

    @Test
    void hashIsStableHexAndHidesTheSecret() {
        String secret = secrets.mint(SecretKind.API_KEY);

        assertThat(Secrets.hash(secret)).hasSize(64).matches("[0-9a-f]+").isEqualTo(Secrets.hash(secret))
                .doesNotContain(secret.substring(5, 15));
    }
}
