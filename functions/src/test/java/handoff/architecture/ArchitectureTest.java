package handoff.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer rules: the core knows nothing of AWS, HTTP or JSON; only the store knows DynamoDB. */
@AnalyzeClasses(packages = "handoff", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreHasNoAwsHttpOrJsonTypes = noClasses().that().resideInAPackage("handoff.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "com.fasterxml..", "handoff.http..", "handoff.store..",
                    "handoff.queue..", "handoff.wiring..");

    @ArchTest
    static final ArchRule onlyTheStoreTalksToDynamoDb = noClasses().that()
            .resideOutsideOfPackages("handoff.store..", "handoff.wiring..", "handoff.admin..", "handoff.embedded..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services.dynamodb..");

    @ArchTest
    static final ArchRule handlersDoNotReachIntoTheStore = noClasses().that()
            .resideInAnyPackage("handoff.http..", "handoff.worker..", "handoff.sweeper..")
            .should().dependOnClassesThat().resideInAnyPackage("handoff.store..");
}
