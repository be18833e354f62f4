package handoff.sweeper;

import static org.assertj.core.api.Assertions.assertThat;

import handoff.testing.TestHandoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A sweep's cost grows with the links that are due, not with the table. */
class SweepCostIT {
    static final int NOT_DUE = 5_000;
    static final int DUE = 50;

    final TestHandoff handoff = new TestHandoff();

    @Test
    void oneSweepReadsFewerThan200ItemsWith5000LiveLinksAnd50Due() throws Exception {
        createInParallel(DUE, "{\"integrationId\":\"sandbox\",\"expiresInSeconds\":60,"
                + "\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}]}");
        createInParallel(NOT_DUE, "{\"integrationId\":\"sandbox\","
                + "\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}]}");
        handoff.clock.advance(Duration.ofMinutes(2));

        Map<String, Object> report = handoff.sweep();

        assertThat(report).containsEntry("LinksExpired", DUE).containsEntry("LinksExamined", DUE);
        assertThat((Integer) report.get("ExpiryIndexItemsRead")).isLessThan(200);
        assertThat(handoff.dynamo.scanPaginator(s -> s.tableName(handoff.table).select("COUNT")
                .filterExpression("begins_with(PK, :l) AND SK = :sk")
                .expressionAttributeValues(Map.of(
                        ":l", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("LINK#"),
                        ":sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("LINK"))))
                .stream().mapToInt(page -> page.count()).sum())
                .as("the table really holds every link").isEqualTo(NOT_DUE + DUE);
    }

    private void createInParallel(int count, String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) futures.add(pool.submit(() -> handoff.created(body)));
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
