package handoff.infra;

import handoff.names.Functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import static handoff.infra.SynthesizedStack.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every function deploys the shaded jar {@link Functions#JAR}, and that jar holds every handler. */
class HandoffStackCodeAssetTest {

    static SynthesizedStack synth;
    static Path jar;
    static Set<String> jarEntries;

    @BeforeAll
    static void synth() throws IOException {
        synth = SynthesizedStack.full();
        jar = synth.config.functionsJar();
        try (var zip = new ZipFile(jar.toFile())) {
            jarEntries = zip.stream().map(e -> e.getName()).collect(Collectors.toUnmodifiableSet());
        }
    }

    @Test
    void theCodeAssetIsTheFunctionsJar() {
        assertThat(jar.toAbsolutePath().normalize().toString().replace('\\', '/')).endsWith("/" + Functions.JAR);
    }

    @Test
    void everyFunctionDeploysTheSameCodeObject() {
        var keys = synth.resources("AWS::Lambda::Function").values().stream()
                .map(r -> codeOf(r).get("S3Key"))
                .collect(Collectors.toSet());
        assertThat(keys).hasSize(1);
    }

    @Test
    void theStagedAssetIsByteForByteTheFunctionsJar() throws IOException {
        String s3Key = (String) codeOf(synth.resource(synth.functionId(Functions.CREATE_LINK))).get("S3Key");
        Path staged = synth.assemblyDirectory().resolve("asset." + s3Key);
        assertThat(Files.mismatch(staged, jar)).isEqualTo(-1L);
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void handlerClassIsInTheFunctionsJar(Functions f) {
        // The infra branch is built before the handlers exist; skip (loudly) only while the jar has no
        // compiled code of its own at all, i.e. nothing outside the shared names package.
        assumeTrue(jarEntries.stream().anyMatch(e -> e.startsWith("handoff/") && e.endsWith(".class")
                        && !e.startsWith("handoff/names/")),
                "functions jar holds no handoff classes yet (functions module not merged)");
        assertThat(jarEntries).contains(f.handlerClass.replace('.', '/') + ".class");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> codeOf(Map<String, Object> function) {
        return (Map<String, Object>) properties(function).get("Code");
    }
}
