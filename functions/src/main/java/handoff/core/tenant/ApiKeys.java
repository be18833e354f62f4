package handoff.core.tenant;

import handoff.core.secret.SecretKind;
import handoff.core.secret.Secrets;
import java.time.Clock;
import java.util.Optional;

/** Issuing and checking tenant API keys. A key is shown once, when issued; only its hash is kept. */
public final class ApiKeys {
    private final ApiKeyRepository keys;
    private final Secrets secrets;
    private final Clock clock;

    public ApiKeys(ApiKeyRepository keys, Secrets secrets, Clock clock) {
        this.keys = keys;
        this.secrets = secrets;
        this.clock = clock;
    }

    public String issue(String tenantId) {
        String apiKey = secrets.mint(SecretKind.API_KEY);
        keys.insert(Secrets.hash(apiKey), tenantId, clock.instant());
        return apiKey;
    }

    /** The tenant behind a well-formed, live key; empty for anything else, before or after lookup. */
    public Optional<String> authenticate(String presented) {
        return Secrets.wellFormed(SecretKind.API_KEY, presented).flatMap(key -> keys.tenantFor(Secrets.hash(key)));
    }

    public boolean revoke(String apiKey) {
        return keys.revoke(Secrets.hash(apiKey), clock.instant());
    }
}
