package handoff.core.claimtoken;

import handoff.core.link.Owner;

/**
 * A signed-in human, as their verified OpenID Connect token says.
 *
 * @param organizationId their active organization, or null when they act as themselves
 */
public record Identity(String userId, String organizationId) {

    /** Organization context wins: links claimed while an organization is active belong to it. */
    public Owner owner() {
        return organizationId == null
                ? new Owner(Owner.Kind.USER, userId)
                : new Owner(Owner.Kind.ORGANIZATION, organizationId);
    }
}
