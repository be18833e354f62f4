package handoff.infra;

import handoff.names.Functions;
import handoff.names.Names;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static handoff.infra.SynthesizedStack.getAtt;
import static handoff.infra.SynthesizedStack.properties;
import static handoff.infra.SynthesizedStack.ref;
import static org.assertj.core.api.Assertions.assertThat;

/** One Lambda function per {@link Functions} value, each run through its SnapStart alias. */
class HandoffStackFunctionsTest {

    static SynthesizedStack synth;
    static Template template;

    @BeforeAll
    static void synth() {
        synth = SynthesizedStack.full();
        template = synth.template;
    }

    @Test
    void thereIsOneFunctionPerFunctionsValue() {
        template.resourceCountIs("AWS::Lambda::Function", Functions.values().length);
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void functionRunsItsHandlerOnJava21(Functions f) {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", f.handler(),
                "Runtime", "java21"));
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void functionRunsOnArm64(Functions f) {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", f.handler(),
                "Architectures", List.of("arm64")));
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void snapStartAppliesToPublishedVersions(Functions f) {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", f.handler(),
                "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void tracingIsActive(Functions f) {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", f.handler(),
                "TracingConfig", Map.of("Mode", "Active")));
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void jvmRunsC1Only(Functions f) {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", f.handler(),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")))));
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void environmentNamesTheTableAndTheSessionsQueue(Functions f) {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", f.handler(),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        Names.Env.TABLE_NAME, ref(synth.tableId()),
                        Names.Env.SESSIONS_QUEUE_URL, ref(synth.queueId(Names.SESSIONS_QUEUE)))))));
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void environmentCarriesEverySharedSetting(Functions f) {
        @SuppressWarnings("unchecked")
        var variables = (Map<String, Object>) ((Map<String, Object>) properties(synth.resource(synth.functionId(f)))
                .get("Environment")).get("Variables");
        assertThat(variables).containsKeys(
                Names.Env.TABLE_NAME, Names.Env.SESSIONS_QUEUE_URL, Names.Env.PUBLIC_BASE_URL,
                Names.Env.APP_BASE_URL, Names.Env.OIDC_ISSUER, Names.Env.OIDC_AUDIENCE, Names.Env.OIDC_JWKS_URL,
                Names.Env.OIDC_ORG_CLAIM, Names.Env.SESSION_COOKIE, Names.Env.SIGN_IN_URL, Names.Env.SIGN_UP_URL,
                Names.Env.ANONYMOUS_CREATES_PER_HOUR, Names.Env.SESSION_DEADLINE_SECONDS);
    }

    @Test
    void oidcOrganizationClaimDefaultsToOrgId() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Environment", Map.of("Variables", Match.objectLike(Map.of(Names.Env.OIDC_ORG_CLAIM, "org_id")))));
    }

    @Test
    void workerTimeoutIsTheSharedWorkerTimeout() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", Functions.SESSION_WORKER.handler(),
                "Timeout", Names.WORKER_TIMEOUT.toSeconds()));
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void functionLogsToItsOwnLogGroupWithRetention(Functions f) {
        var logGroup = new Capture();
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", f.handler(),
                "LoggingConfig", Map.of("LogGroup", Map.of("Ref", logGroup))));
        assertThat(properties(synth.resource(logGroup.asString())))
                .containsEntry("LogGroupName", "/aws/lambda/" + HandoffApp.stackName("test") + "-" + f.id)
                .containsKey("RetentionInDays");
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void aliasLivePointsAtAPublishedVersionOfTheFunction(Functions f) {
        var version = new Capture();
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", HandoffStack.ALIAS,
                "FunctionName", ref(synth.functionId(f)),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(version, "Version"))));
        assertThat(properties(synth.resource(version.asString()))).containsEntry("FunctionName", ref(synth.functionId(f)));
    }

    @Test
    void versionsAreOnlyPublishedForTheAliases() {
        template.resourceCountIs("AWS::Lambda::Version", Functions.values().length);
    }

    @Test
    void sweeperScheduleRunsEveryFiveMinutes() {
        template.hasResourceProperties("AWS::Events::Rule", Map.of("ScheduleExpression", "rate(5 minutes)"));
    }

    @Test
    void sweeperScheduleTargetsTheSweeperAlias() {
        var target = new Capture();
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "ScheduleExpression", "rate(5 minutes)",
                "Targets", List.of(Match.objectLike(Map.of("Arn", target)))));
        assertThat(target.asObject()).isEqualTo(ref(synth.aliasId(Functions.EXPIRY_SWEEPER)));
    }

    @Test
    void scheduleMayInvokeTheSweeperAlias() {
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "FunctionName", ref(synth.aliasId(Functions.EXPIRY_SWEEPER)),
                "Principal", "events.amazonaws.com",
                "SourceArn", getAtt(synth.logicalId("AWS::Events::Rule", "ScheduleExpression", "rate(5 minutes)"),
                        "Arn")));
    }
}
