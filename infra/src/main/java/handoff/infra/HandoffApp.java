package handoff.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: one {@link HandoffStack} per stage, checked by cdk-nag's AWS Solutions rules. Run it
 * through {@code infra/cdk-app.sh} (picks a JDK >= 21), which {@code infra/cdk.json} names as the app.
 */
public final class HandoffApp {
    private HandoffApp() {}

    public static void main(String[] args) {
        App app = new App();
        create(app, HandoffConfig.fromContext(app.getNode()::tryGetContext));
        app.synth();
    }

    /**
     * Adds the stack {@code Handoff-<stage>} and the cdk-nag checks to {@code app}. Tests call this too,
     * so they check exactly what {@code cdk synth} produces.
     */
    public static HandoffStack create(App app, HandoffConfig config) {
        HandoffStack stack = new HandoffStack(app, stackName(config.stage()), StackProps.builder()
                .description("Handoff link service (" + config.stage() + ")")
                .terminationProtection("prod".equals(config.stage()))
                .build(), config);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }

    public static String stackName(String stage) {
        return "Handoff-" + stage;
    }
}
