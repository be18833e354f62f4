package handoff.infra;

import handoff.names.Functions;
import handoff.names.Names;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static handoff.infra.SynthesizedStack.getAtt;
import static handoff.infra.SynthesizedStack.ref;
import static org.assertj.core.api.Assertions.assertThat;

/** The sessions queue, its DLQ, and the worker's event source mapping. */
class HandoffStackQueueTest {

    static SynthesizedStack synth;
    static Template template;
    static String queueId;
    static String dlqId;

    @BeforeAll
    static void synth() {
        synth = SynthesizedStack.full();
        template = synth.template;
        queueId = synth.queueId(Names.SESSIONS_QUEUE);
        dlqId = synth.queueId(Names.SESSIONS_DLQ);
    }

    @Test
    void sessionsQueueRedrivesToTheDlqAfterTheSharedReceiveCount() {
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", Names.SESSIONS_QUEUE + "-test",
                "RedrivePolicy", Map.of(
                        "deadLetterTargetArn", getAtt(dlqId, "Arn"),
                        "maxReceiveCount", Names.SESSIONS_MAX_RECEIVES)));
    }

    @Test
    void visibilityTimeoutIsAtLeastSixWorkerTimeouts() {
        var visibility = new Capture();
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", Names.SESSIONS_QUEUE + "-test",
                "VisibilityTimeout", visibility));
        assertThat(visibility.asNumber().longValue()).isGreaterThanOrEqualTo(6 * Names.WORKER_TIMEOUT.toSeconds());
    }

    @Test
    void bothQueuesUseSqsManagedEncryption() {
        for (String id : List.of(queueId, dlqId)) {
            assertThat(SynthesizedStack.properties(synth.resource(id))).containsEntry("SqsManagedSseEnabled", true);
        }
    }

    @Test
    void bothQueuesRefuseRequestsWithoutTls() {
        for (String id : List.of(queueId, dlqId)) {
            template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of(
                    "Queues", List.of(ref(id)),
                    "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Effect", "Deny",
                            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
        }
    }

    @Test
    void workerConsumesTheSessionsQueue() {
        var source = new Capture();
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of("EventSourceArn", source));
        assertThat(source.asObject()).isEqualTo(getAtt(queueId, "Arn"));
    }

    @Test
    void eventSourceInvokesTheWorkerAlias() {
        var aliasRef = new Capture();
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "FunctionName", Map.of("Fn::Join", List.of("", List.of(
                        Match.objectLike(Map.of("Fn::Select", List.of(6, Map.of("Fn::Split", List.of(":", aliasRef))))),
                        ":" + HandoffStack.ALIAS)))));
        assertThat(aliasRef.asObject()).isEqualTo(ref(synth.aliasId(Functions.SESSION_WORKER)));
    }

    @Test
    void workerBatchSizeIsTheSharedBatchSize() {
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of("BatchSize", Names.WORKER_BATCH_SIZE));
    }

    @Test
    void workerReportsBatchItemFailures() {
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "FunctionResponseTypes", List.of("ReportBatchItemFailures")));
    }

    @Test
    void workerConcurrencyIsCapped() {
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "ScalingConfig", Map.of("MaximumConcurrency", HandoffStack.WORKER_MAX_CONCURRENCY)));
    }

    @Test
    void queueUrlIsAnOutput() {
        template.hasOutput("SessionsQueueUrl", Map.of("Value", ref(queueId)));
    }
}
