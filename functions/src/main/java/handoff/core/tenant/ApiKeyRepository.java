package handoff.core.tenant;

import java.time.Instant;
import java.util.Optional;

/** Tenant API keys, known only by their hashes. */
public interface ApiKeyRepository {
    void insert(String apiKeyHash, String tenantId, Instant createdAt);

    /** The tenant a live (unrevoked) key belongs to. */
    Optional<String> tenantFor(String apiKeyHash);

    boolean revoke(String apiKeyHash, Instant at);
}
