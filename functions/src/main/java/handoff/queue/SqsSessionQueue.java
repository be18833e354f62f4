package handoff.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import handoff.core.ServiceUnavailableException;
import handoff.core.session.SessionQueue;
import handoff.core.session.SessionTicket;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Session tickets on the SQS sessions queue; this class owns the message format. */
public final class SqsSessionQueue implements SessionQueue {
    private final SqsClient sqs;
    private final String queueUrl;
    private final ObjectMapper json;

    public SqsSessionQueue(SqsClient sqs, String queueUrl, ObjectMapper json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void enqueue(SessionTicket ticket) {
        String body = json.createObjectNode()
                .put("linkId", ticket.linkId())
                .put("sessionId", ticket.sessionId())
                .put("attempt", ticket.attempt())
                .toString();
        try {
            sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body));
        } catch (SdkException e) {
            throw new ServiceUnavailableException("The sessions queue is unavailable", e);
        }
    }

    /** The ticket in a message body, or empty if the body is not one (such a message can never succeed). */
    public static Optional<SessionTicket> decode(ObjectMapper json, String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.path("linkId").isTextual() || !node.path("sessionId").isTextual()
                    || !node.path("attempt").canConvertToInt()) {
                return Optional.empty();
            }
            return Optional.of(new SessionTicket(node.get("linkId").asText(), node.get("sessionId").asText(),
                    node.get("attempt").asInt()));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
