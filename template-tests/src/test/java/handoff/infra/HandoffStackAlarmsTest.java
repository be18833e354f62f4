package handoff.infra;

import handoff.names.Functions;
import handoff.names.Names;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static handoff.infra.SynthesizedStack.getAtt;
import static handoff.infra.SynthesizedStack.properties;
import static handoff.infra.SynthesizedStack.ref;
import static org.assertj.core.api.Assertions.assertThat;

/** Alarms, and (with an alarm e-mail set) the topic they notify. */
class HandoffStackAlarmsTest {

    static SynthesizedStack synth;
    static Template template;

    @BeforeAll
    static void synth() {
        synth = SynthesizedStack.full();
        template = synth.template;
    }

    private static Map<String, Object> dimension(String name, Object value) {
        return Map.of("Name", name, "Value", value);
    }

    @Test
    void dlqNotEmptyAlarmFiresOnAnyVisibleMessage() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/SQS",
                "MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(dimension("QueueName", getAtt(synth.queueId(Names.SESSIONS_DLQ), "QueueName"))),
                "ComparisonOperator", "GreaterThanThreshold",
                "Threshold", 0));
    }

    @Test
    void api5xxAlarmWatchesTheApi() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/ApiGateway",
                "MetricName", "5xx",
                "Dimensions", List.of(dimension("ApiId", ref(synth.apiId()))),
                "Statistic", "Sum"));
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void functionErrorsAlarm(Functions f) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/Lambda",
                "MetricName", "Errors",
                "Dimensions", List.of(dimension("FunctionName", ref(synth.functionId(f)))),
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "Threshold", 1));
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void functionThrottlesAlarm(Functions f) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/Lambda",
                "MetricName", "Throttles",
                "Dimensions", List.of(dimension("FunctionName", ref(synth.functionId(f)))),
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "Threshold", 1));
    }

    @Test
    void sweeperThatStopsRunningRaisesAnAlarm() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "Invocations",
                "Dimensions", List.of(dimension("FunctionName", ref(synth.functionId(Functions.EXPIRY_SWEEPER)))),
                "ComparisonOperator", "LessThanThreshold",
                "TreatMissingData", "breaching"));
    }

    @Test
    void alarmEmailIsSubscribedToTheAlarmTopic() {
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email",
                "Endpoint", SynthesizedStack.ALARM_EMAIL,
                "TopicArn", ref(synth.resources("AWS::SNS::Topic").keySet().iterator().next())));
    }

    @Test
    void alarmTopicRefusesRequestsWithoutTls() {
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
    }

    @Test
    void everyAlarmNotifiesTheAlarmTopic() {
        var topic = ref(synth.resources("AWS::SNS::Topic").keySet().iterator().next());
        assertThat(synth.resources("AWS::CloudWatch::Alarm").values())
                .hasSize(2 + 2 * Functions.values().length + 1)
                .allSatisfy(a -> assertThat(properties(a)).containsEntry("AlarmActions", List.of(topic)));
    }
}
