package handoff.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

import static org.assertj.core.api.Assertions.assertThat;

/** cdk-nag's AWS Solutions checks, as HandoffApp applies them at synth: nothing left unsuppressed. */
class HandoffStackNagTest {

    static Annotations full;
    static Annotations defaults;

    @BeforeAll
    static void synth() {
        full = SynthesizedStack.full().annotations();
        defaults = SynthesizedStack.defaults().annotations();
    }

    @Test
    void fullStackHasNoUnsuppressedNagErrors() {
        assertThat(full.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }

    @Test
    void fullStackHasNoUnsuppressedNagWarnings() {
        assertThat(full.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }

    @Test
    void defaultStackHasNoUnsuppressedNagErrors() {
        assertThat(defaults.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }

    @Test
    void stackHasNoErrorsOfAnyKind() {
        assertThat(full.findError("*", Match.anyValue())).isEmpty();
    }
}
