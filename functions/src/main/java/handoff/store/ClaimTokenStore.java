package handoff.store;

import static handoff.store.Attr.s;
import static handoff.store.Attr.time;

import handoff.core.claimtoken.ClaimToken;
import handoff.core.claimtoken.ClaimTokenRepository;
import handoff.core.link.Link;
import handoff.core.link.Owner;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Claim-token records and the one transaction that turns a token into ownership. */
public final class ClaimTokenStore implements ClaimTokenRepository {
    private final DynamoDbClient dynamo;
    private final String table;
    private final ItemMapper items;

    public ClaimTokenStore(DynamoDbClient dynamo, String table, ItemMapper items) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = items;
    }

    @Override
    public Optional<ClaimToken> find(String tokenHash) {
        Map<String, AttributeValue> item = DynamoCalls.call(() -> dynamo.getItem(g -> g.tableName(table)
                .key(LinkStore.key(Keys.claimTokenPk(tokenHash), Keys.CLAIM_TOKEN_SK)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(items.claimToken(tokenHash, item));
    }

    @Override
    public boolean consume(ClaimToken token, Link link, Owner owner, Instant now) {
        Update consumeToken = Update.builder().tableName(table)
                .key(LinkStore.key(Keys.claimTokenPk(token.tokenHash()), Keys.CLAIM_TOKEN_SK))
                .updateExpression("SET #consumedAt = :now, #byKind = :kind, #byId = :id")
                // The window is checked here, at write time: TTL may not have removed an expired token yet.
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#consumedAt) AND #expiresAt > :now")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#consumedAt", "consumedAt", "#expiresAt", "expiresAt",
                        "#byKind", "consumedByKind", "#byId", "consumedById"))
                .expressionAttributeValues(Map.of(":now", time(now), ":kind", s(owner.kind().wireName()),
                        ":id", s(owner.id())))
                .build();
        Update bindLink = Update.builder().tableName(table)
                .key(LinkStore.key(Keys.linkPk(link.linkId()), Keys.LINK_SK))
                .updateExpression("SET #ownerKind = :kind, #ownerId = :id, #ownerPk = :ownerPk, #ownerSk = :ownerSk")
                // A link that already has an owner is never transferred.
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#ownerKind)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#ownerKind", "ownerKind", "#ownerId", "ownerId",
                        "#ownerPk", Keys.OWNER_PK, "#ownerSk", Keys.OWNER_SK))
                .expressionAttributeValues(Map.of(":kind", s(owner.kind().wireName()), ":id", s(owner.id()),
                        ":ownerPk", s(Keys.ownerPk(owner)), ":ownerSk", s(Keys.ownerSk(link.createdAt(), link.linkId()))))
                .build();
        return DynamoCalls.transact(() -> dynamo.transactWriteItems(t -> t.transactItems(
                TransactWriteItem.builder().update(consumeToken).build(),
                TransactWriteItem.builder().update(bindLink).build())));
    }
}
