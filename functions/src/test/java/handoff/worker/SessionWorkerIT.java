package handoff.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import handoff.core.integration.Integration;
import handoff.core.integration.IntegrationRegistry;
import handoff.core.integration.Operation;
import handoff.core.integration.OperationOutcome;
import handoff.core.integration.OperationType;
import handoff.core.integration.RunContext;
import handoff.core.integration.SandboxIntegration;
import handoff.testing.Events;
import handoff.testing.TestHandoff;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The session worker under SQS's at-least-once delivery: duplicates never run operations twice. */
class SessionWorkerIT {
    static final String SLOW_TWO_STEPS = """
            {"integrationId":"sandbox",
             "operations":[{"resource":"account","action":"read","arguments":{"delayMs":300}},
                           {"resource":"usage","action":"read"}]}""";

    /** The real sandbox, counting how often each operation actually ran. */
    static final class CountingSandbox implements Integration {
        final SandboxIntegration sandbox = new SandboxIntegration();
        final ConcurrentHashMap<String, AtomicInteger> runs = new ConcurrentHashMap<>();

        @Override public String id() { return sandbox.id(); }
        @Override public Set<OperationType> supportedOperations() { return sandbox.supportedOperations(); }

        @Override
        public OperationOutcome run(RunContext context, Operation operation) {
            runs.computeIfAbsent(context.sessionId() + "/" + operation.type(), k -> new AtomicInteger()).incrementAndGet();
            return sandbox.run(context, operation);
        }

        int totalRuns() {
            return runs.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    final CountingSandbox sandbox = new CountingSandbox();
    final TestHandoff handoff = new TestHandoff(new IntegrationRegistry(List.of(sandbox)));

    @Test
    void redeliveryOfAFinishedSessionIsAcknowledgedAndIgnored() {
        String code = handoff.created(SLOW_TWO_STEPS).get("claimCode").asText();
        handoff.claim(code);
        List<Message> delivery = handoff.receive();
        handoff.deliver(delivery);

        SQSBatchResponse redelivery = handoff.invokeWorker(delivery);

        assertThat(redelivery.getBatchItemFailures()).isEmpty();
        assertThat(sandbox.totalRuns()).isEqualTo(2);
        assertThat(sandbox.runs.values()).allMatch(count -> count.get() == 1);
        assertThat(TestHandoff.json(handoff.statusByClaimCode(code)).get("status").asText()).isEqualTo("complete");
    }

    @Test
    void duplicateMessagesDeliveredAtOnceRunEachOperationOnce() throws Exception {
        String code = handoff.created(SLOW_TWO_STEPS).get("claimCode").asText();
        handoff.claim(code);
        Message original = handoff.receive().getFirst();
        // SQS may deliver one message twice: put an identical copy on the queue.
        handoff.sqs.sendMessage(m -> m.queueUrl(handoff.queueUrl).messageBody(original.body()));
        handoff.sqs.changeMessageVisibility(v -> v.queueUrl(handoff.queueUrl).receiptHandle(original.receiptHandle())
                .visibilityTimeout(0));
        List<Message> both = receiveAtLeast(2);

        CountDownLatch start = new CountDownLatch(1);
        SQSBatchResponse[] responses = new SQSBatchResponse[2];
        Thread first = new Thread(() -> { await(start); responses[0] = handoff.deliver(List.of(both.get(0))); });
        Thread second = new Thread(() -> { await(start); responses[1] = handoff.deliver(List.of(both.get(1))); });
        first.start();
        second.start();
        start.countDown();
        first.join();
        second.join();

        assertThat(sandbox.runs.values()).allMatch(count -> count.get() == 1);
        assertThat(sandbox.totalRuns()).isEqualTo(2);
        JsonNode status = TestHandoff.json(handoff.statusByClaimCode(code));
        assertThat(status.get("status").asText()).isEqualTo("complete");
        assertThat(status.get("sessions")).hasSize(1);
        // The copy that found the session busy was left for redelivery; when it comes back it is ignored.
        int leftForRetry = responses[0].getBatchItemFailures().size() + responses[1].getBatchItemFailures().size();
        assertThat(leftForRetry).isLessThanOrEqualTo(1);
        handoff.sqs.purgeQueue(p -> p.queueUrl(handoff.queueUrl));
    }

    @Test
    void messageThatIsNotATicketIsAcknowledgedWithoutRunningAnything() {
        SQSEvent event = Events.sqs("session-batch.json");
        event.getRecords().getFirst().setBody("{not json");

        SQSBatchResponse response = handoff.worker.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(sandbox.totalRuns()).isZero();
    }

    @Test
    void ticketForAnUnknownSessionIsAcknowledged() {
        SQSEvent event = Events.sqs("session-batch.json");

        SQSBatchResponse response = handoff.worker.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(sandbox.totalRuns()).isZero();
    }

    private List<Message> receiveAtLeast(int count) {
        List<Message> messages = new java.util.ArrayList<>();
        for (int i = 0; i < 20 && messages.size() < count; i++) messages.addAll(handoff.receive());
        assertThat(messages).hasSizeGreaterThanOrEqualTo(count);
        return messages;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
