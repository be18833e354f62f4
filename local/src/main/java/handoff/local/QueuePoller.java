package handoff.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import handoff.telemetry.Log;
import handoff.names.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The local SQS event source mapping: long-polls the sessions queue, hands each batch to the worker as
 * an {@link SQSEvent}, and deletes the messages the worker did not report in
 * {@code batchItemFailures}, exactly as Lambda does with {@code ReportBatchItemFailures}. Reported
 * messages stay on the queue and come back after the visibility timeout. If the worker throws, or reports
 * an id that is not in the batch, the whole batch stays (Lambda treats both as a failed batch).
 */
final class QueuePoller implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final RequestHandler<SQSEvent, SQSBatchResponse> worker;
    private final String functionName;
    private final Thread thread;
    private volatile boolean running;

    QueuePoller(SqsClient sqs, String queueUrl, String queueArn, RequestHandler<SQSEvent, SQSBatchResponse> worker,
            String functionName) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.worker = worker;
        this.functionName = functionName;
        this.thread = new Thread(this::loop, "handoff-sessions-poller");
        this.thread.setDaemon(true);
    }

    void start() {
        running = true;
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                if (!running) break;
                Log.error("local_poller_error", e, "queue", Names.SESSIONS_QUEUE);
                sleepQuietly(WAIT);
            }
        }
    }

    /** One receive and one worker invocation. @return how many messages were received */
    int pollOnce() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(Names.WORKER_BATCH_SIZE)
                .waitTimeSeconds((int) WAIT.toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.isEmpty() || !running) return messages.size();

        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(this::record).toList());
        SQSBatchResponse response;
        try {
            response = worker.handleRequest(event, new LocalContext(functionName, LocalGateway.newRequestId(),
                    Names.WORKER_TIMEOUT));
        } catch (RuntimeException e) {
            Log.error("local_worker_failed_batch", e, "messages", Integer.toString(messages.size()));
            return messages.size();
        }
        acknowledge(messages, response);
        return messages.size();
    }

    private void acknowledge(List<Message> messages, SQSBatchResponse response) {
        Set<String> inBatch = new HashSet<>();
        messages.forEach(m -> inBatch.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        if (response != null && response.getBatchItemFailures() != null) {
            for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                String id = failure.getItemIdentifier();
                if (id == null || !inBatch.contains(id)) {
                    Log.info("local_worker_invalid_batch_response", "itemIdentifier", String.valueOf(id));
                    return;
                }
                failed.add(id);
            }
        }
        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (failed.contains(message.messageId())) continue;
            deletes.add(DeleteMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i)).receiptHandle(message.receiptHandle()).build());
        }
        if (deletes.isEmpty()) return;
        var result = sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(deletes));
        result.failed().forEach(f -> Log.info("local_delete_failed", "code", f.code()));
    }

    private SQSEvent.SQSMessage record(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(arnRegion(queueArn));
        Map<String, String> attributes = new HashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
        attributes.putIfAbsent(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT.toString(), "1");
        record.setAttributes(attributes);
        record.setMessageAttributes(Map.of());
        return record;
    }

    private static String arnRegion(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 3 ? parts[3] : "us-east-1";
    }

    /** Stops polling; a batch in progress gets a short grace period, then is interrupted. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(STOP_GRACE.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(STOP_GRACE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            // Only close() interrupts, and it has cleared the flag the loop checks.
            Thread.currentThread().interrupt();
        }
    }
}
