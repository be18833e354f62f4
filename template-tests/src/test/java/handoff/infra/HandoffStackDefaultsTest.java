package handoff.infra;

import handoff.names.Names;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static handoff.infra.SynthesizedStack.getAtt;
import static handoff.infra.SynthesizedStack.properties;
import static org.assertj.core.api.Assertions.assertThat;

/** With no context at all: stage "dev", no alarm topic, no custom domain, URLs from the API itself. */
class HandoffStackDefaultsTest {

    static SynthesizedStack synth;
    static Template template;

    @BeforeAll
    static void synth() {
        synth = SynthesizedStack.defaults();
        template = synth.template;
    }

    @Test
    void stageDefaultsToDev() {
        assertThat(synth.stack.getStackName()).isEqualTo(HandoffApp.stackName(HandoffConfig.DEFAULT_STAGE));
    }

    @Test
    void withoutAlarmEmailThereIsNoTopic() {
        template.resourceCountIs("AWS::SNS::Topic", 0);
    }

    @Test
    void withoutAlarmEmailAlarmsHaveNoActions() {
        assertThat(synth.resources("AWS::CloudWatch::Alarm").values())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(properties(a)).doesNotContainKey("AlarmActions"));
    }

    @Test
    void withoutCustomDomainThereIsNoDomainName() {
        template.resourceCountIs("AWS::ApiGatewayV2::DomainName", 0);
    }

    @Test
    void publicBaseUrlDefaultsToTheApiEndpoint() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        Names.Env.PUBLIC_BASE_URL, getAtt(synth.apiId(), "ApiEndpoint"),
                        Names.Env.APP_BASE_URL, getAtt(synth.apiId(), "ApiEndpoint"))))));
    }

    @Test
    void sessionDeadlineOutlastsEveryDeliveryAttempt() {
        long lastDelivery = Names.SESSIONS_VISIBILITY_TIMEOUT.toSeconds() * Names.SESSIONS_MAX_RECEIVES;
        assertThat((long) synth.config.sessionDeadlineSeconds()).isGreaterThan(lastDelivery);
    }

    @Test
    void apiUrlOutputIsTheExecuteApiUrl() {
        template.hasOutput("ApiUrl", Map.of("Value", Map.of("Fn::Join", List.of("", Match.arrayWith(
                List.of(Match.objectLike(Map.of("Ref", synth.apiId())), ".execute-api."))))));
    }
}
