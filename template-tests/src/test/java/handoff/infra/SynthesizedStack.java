package handoff.infra;

import handoff.names.Functions;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One synthesized {@link HandoffStack} (built exactly as {@link HandoffApp} builds it, cdk-nag
 * included), shared by the test classes: a synth costs seconds, and surefire runs every class in one
 * JVM. {@link #full()} sets every optional setting (alarm e-mail, custom domain);
 * {@link #defaults()} sets none.
 */
final class SynthesizedStack {

    static final String ALARM_EMAIL = "ops@example.com";
    static final String CUSTOM_DOMAIN = "links.example.com";
    static final String CERTIFICATE_ARN = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000";

    private static SynthesizedStack full;
    private static SynthesizedStack defaults;

    final App app;
    final HandoffConfig config;
    final HandoffStack stack;
    final Template template;

    private SynthesizedStack(Map<String, Object> context) {
        app = new App();
        config = HandoffConfig.fromContext(context::get);
        stack = HandoffApp.create(app, config);
        template = Template.fromStack(stack);
    }

    static synchronized SynthesizedStack full() {
        if (full == null) {
            full = new SynthesizedStack(Map.of(
                    HandoffConfig.Keys.STAGE, "test",
                    HandoffConfig.Keys.ALARM_EMAIL, ALARM_EMAIL,
                    HandoffConfig.Keys.CUSTOM_DOMAIN_NAME, CUSTOM_DOMAIN,
                    HandoffConfig.Keys.CUSTOM_DOMAIN_CERTIFICATE_ARN, CERTIFICATE_ARN));
        }
        return full;
    }

    static synchronized SynthesizedStack defaults() {
        if (defaults == null) {
            defaults = new SynthesizedStack(Map.of());
        }
        return defaults;
    }

    Annotations annotations() {
        return Annotations.fromStack(stack);
    }

    /** The directory the last synth wrote (template, staged assets). */
    Path assemblyDirectory() {
        return Path.of(app.synth().getDirectory());
    }

    // --- Navigating the template by the names the stack is built from ---------------------------

    Map<String, Map<String, Object>> resources(String type) {
        return template.findResources(type);
    }

    /** The only resource of {@code type} whose Properties.{@code property} equals {@code value}. */
    String logicalId(String type, String property, Object value) {
        var ids = resources(type).entrySet().stream()
                .filter(e -> value.equals(properties(e.getValue()).get(property)))
                .map(Map.Entry::getKey)
                .toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + " with " + property + "=" + value + ", found " + ids);
        }
        return ids.get(0);
    }

    String functionId(Functions f) {
        return logicalId("AWS::Lambda::Function", "Handler", f.handler());
    }

    String aliasId(Functions f) {
        return logicalId("AWS::Lambda::Alias", "FunctionName", ref(functionId(f)));
    }

    String roleId(Functions f) {
        @SuppressWarnings("unchecked")
        var getAtt = (List<Object>) ((Map<String, Object>) properties(resource(functionId(f))).get("Role")).get("Fn::GetAtt");
        return (String) getAtt.get(0);
    }

    String tableId() {
        return single("AWS::DynamoDB::Table");
    }

    String queueId(String queueNamePrefix) {
        return logicalId("AWS::SQS::Queue", "QueueName", queueNamePrefix + "-" + config.stage());
    }

    String apiId() {
        return single("AWS::ApiGatewayV2::Api");
    }

    /** Every statement of every IAM policy attached to the function's role. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> statements(Functions f) {
        Object roleRef = ref(roleId(f));
        return resources("AWS::IAM::Policy").values().stream()
                .map(SynthesizedStack::properties)
                .filter(p -> ((List<Object>) p.get("Roles")).contains(roleRef))
                .flatMap(p -> ((List<Map<String, Object>>) ((Map<String, Object>) p.get("PolicyDocument"))
                        .get("Statement")).stream())
                .toList();
    }

    /** The actions of a statement ("Action" may be one string or a list). */
    @SuppressWarnings("unchecked")
    static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? (List<String>) list : List.of((String) action);
    }

    List<String> allActions(Functions f) {
        return statements(f).stream().flatMap(s -> actions(s).stream()).toList();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> resource(String logicalId) {
        var found = ((Map<String, Map<String, Object>>) template.toJSON().get("Resources")).get(logicalId);
        if (found == null) {
            throw new AssertionError("no resource " + logicalId);
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    private String single(String type) {
        var ids = resources(type).keySet();
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + ids);
        }
        return ids.iterator().next();
    }
}
