package handoff.queue;

import handoff.names.Names;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the sessions queue and its DLQ from {@link Names}, as the CDK stack does, for the local
 * runner and the integration tests.
 */
public final class QueueProvisioner {
    private QueueProvisioner() {}

    /** @return the sessions queue URL */
    public static String createSessionQueues(SqsClient sqs, String stage) {
        String dlqUrl = sqs.createQueue(q -> q.queueName(Names.sessionsDlq(stage))).queueUrl();
        String dlqArn = sqs.getQueueAttributes(a -> a.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                + Names.SESSIONS_MAX_RECEIVES + "\"}";
        return sqs.createQueue(q -> q.queueName(Names.sessionsQueue(stage)).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(Names.SESSIONS_VISIBILITY_TIMEOUT.toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
    }
}
