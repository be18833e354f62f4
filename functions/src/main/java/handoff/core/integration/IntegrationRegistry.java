package handoff.core.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The integrations this deployment can run, by id. */
public final class IntegrationRegistry {
    private final Map<String, Integration> byId = new LinkedHashMap<>();

    public IntegrationRegistry(List<Integration> integrations) {
        integrations.forEach(i -> byId.put(i.id(), i));
    }

    public static IntegrationRegistry standard() {
        return new IntegrationRegistry(List.of(new SandboxIntegration()));
    }

    public Optional<Integration> find(String integrationId) {
        return Optional.ofNullable(byId.get(integrationId));
    }
}
