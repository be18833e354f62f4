package handoff.infra;

import handoff.names.Functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static handoff.infra.SynthesizedStack.properties;
import static handoff.infra.SynthesizedStack.ref;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API: one route per route key in {@link Functions}, each integrated with its function's alias. */
class HandoffStackApiTest {

    static SynthesizedStack synth;
    static Template template;

    @BeforeAll
    static void synth() {
        synth = SynthesizedStack.full();
        template = synth.template;
    }

    static Stream<Arguments> routes() {
        return Arrays.stream(Functions.values()).flatMap(f -> f.routes.stream().map(r -> Arguments.of(r, f)));
    }

    @Test
    void thereIsOneRoutePerRouteKey() {
        template.resourceCountIs("AWS::ApiGatewayV2::Route", (int) routes().count());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("routes")
    void routeIsIntegratedWithItsFunctionsAlias(String routeKey, Functions f) {
        var integration = new Capture();
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                "RouteKey", routeKey,
                "Target", Map.of("Fn::Join", List.of("", List.of("integrations/", Map.of("Ref", integration))))));
        assertThat(properties(synth.resource(integration.asString())))
                .containsEntry("IntegrationType", "AWS_PROXY")
                .containsEntry("IntegrationUri", ref(synth.aliasId(f)));
    }

    @Test
    void integrationsUsePayloadFormat2() {
        assertThat(synth.resources("AWS::ApiGatewayV2::Integration").values())
                .isNotEmpty()
                .allSatisfy(i -> assertThat(properties(i)).containsEntry("PayloadFormatVersion", "2.0"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("routes")
    void apiMayInvokeTheAliasOnlyForItsRoute(String routeKey, Functions f) {
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "Principal", "apigateway.amazonaws.com",
                "FunctionName", ref(synth.aliasId(f)),
                "SourceArn", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                        ref(synth.apiId()), "/*/*" + path))))));
    }

    @Test
    void defaultStageIsThrottled() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "StageName", "$default",
                "DefaultRouteSettings", Match.objectLike(Map.of(
                        "ThrottlingRateLimit", HandoffStack.API_RATE_LIMIT,
                        "ThrottlingBurstLimit", HandoffStack.API_BURST_LIMIT))));
    }

    @Test
    void accessLogsGoToALogGroupWithRetention() {
        var logGroup = new Capture();
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "AccessLogSettings", Match.objectLike(Map.of(
                        "DestinationArn", Map.of("Fn::GetAtt", List.of(logGroup, "Arn"))))));
        assertThat(properties(synth.resource(logGroup.asString()))).containsKey("RetentionInDays");
    }

    @Test
    void accessLogsNeverRecordThePathBecauseClaimTokensTravelInIt() {
        var format = new Capture();
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "AccessLogSettings", Match.objectLike(Map.of("Format", format))));
        assertThat(format.asString()).contains("$context.routeKey").doesNotContain("$context.path");
    }

    @Test
    void customDomainIsMappedToTheDefaultStage() {
        template.hasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Map.of(
                "ApiId", ref(synth.apiId()),
                "DomainName", ref(synth.logicalId("AWS::ApiGatewayV2::DomainName", "DomainName",
                        SynthesizedStack.CUSTOM_DOMAIN)),
                "Stage", "$default"));
    }

    @Test
    void publicBaseUrlIsTheCustomDomainWhenOneIsSet() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        handoff.names.Names.Env.PUBLIC_BASE_URL, "https://" + SynthesizedStack.CUSTOM_DOMAIN)))));
    }

    @Test
    void apiUrlIsAnOutput() {
        template.hasOutput("ApiUrl", Map.of("Value", "https://" + SynthesizedStack.CUSTOM_DOMAIN + "/"));
    }
}
