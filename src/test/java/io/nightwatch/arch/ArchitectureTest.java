package io.nightwatch.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The borders of the house (docs/architecture.md), made executable. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.nightwatch");
    }

    @Test
    void theCoreHasNoJavaFx() {
        noClasses().that().resideOutsideOfPackage("io.nightwatch.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("the core is driven by the CLI and tests without a screen")
                .check(classes);
    }

    @Test
    void onlyTheGatewayTouchesDockerJava() {
        noClasses().that().resideOutsideOfPackage("io.nightwatch.docker..")
                .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..")
                .because("DockerGateway speaks intents; docker-java types stay behind it")
                .check(classes);
    }

    @Test
    void onlyTheStoreUsesJdbc() {
        noClasses().that().resideOutsideOfPackage("io.nightwatch.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
                .check(classes);
    }

    @Test
    void theCoreDoesNotKnowItsFaces() {
        noClasses().that().resideOutsideOfPackages("io.nightwatch.cli..", "io.nightwatch.ui..")
                .and().doNotHaveFullyQualifiedName("io.nightwatch.Nightwatch")
                .should().dependOnClassesThat().resideInAnyPackage("io.nightwatch.cli..", "io.nightwatch.ui..")
                .check(classes);
    }

    @Test
    void theCliDoesNotUseTheGui() {
        noClasses().that().resideInAPackage("io.nightwatch.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nightwatch.ui..", "javafx..")
                .check(classes);
    }

    @Test
    void onlyTheFxBridgeSchedulesOnTheFxThread() {
        noClasses().that().doNotHaveFullyQualifiedName("io.nightwatch.ui.fx.FxBridge")
                .should().accessTargetWhere(RUN_LATER)
                .because("background work reaches the FX thread through one path that coalesces bursts")
                .check(classes);
    }

    @Test
    void theRunLaterRuleAlsoSeesMethodReferences() {
        // a rule that only saw calls would miss `Platform::runLater` handed over as an Executor
        JavaClasses bridge = new ClassFileImporter().importClasses(io.nightwatch.ui.fx.FxBridge.class);
        EvaluationResult result = noClasses().should().accessTargetWhere(RUN_LATER).evaluate(bridge);
        assertTrue(result.hasViolation(), "FxBridge hands Platform::runLater over as a reference; the rule must see it");
    }

    @Test
    void noPackageCycles() {
        // every package is its own slice (io.nightwatch.(**)), so a sub-package and its parent may not lean on each
        // other either (incident <-> incident.export went that way); stricter than grouping by top-level package
        slices().matching("io.nightwatch.(**)").should().beFreeOfCycles().check(classes);
        slices().matching("io.nightwatch.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void featurePackagesDoNotReachBackIntoTheWindowShell() {
        noClasses().that().resideInAPackage("io.nightwatch.ui..").and().resideOutsideOfPackage("io.nightwatch.ui")
                .should().dependOnClassesThat().resideInAPackage("io.nightwatch.ui")
                .because("the shell (MainWindow, NightwatchApp) wires the features; the shared base is ui.fx")
                .check(classes);
    }

    @Test
    void theWizardFlowDoesNotKnowItsKinds() {
        noClasses().that().resideInAPackage("io.nightwatch.ui.wizard")
                .should().dependOnClassesThat().resideInAnyPackage("io.nightwatch.ui.wizard.backup..", "io.nightwatch.ui.wizard.restore..",
                        "io.nightwatch.ui.wizard.imagechange..", "io.nightwatch.ui.wizard.launch..",
                        "io.nightwatch.ui.wizard.recovery..", "io.nightwatch.ui.wizard.stack..")
                .because("a kind of wizard is a WizardChoice in its own package; only the launcher knows them all")
                .check(classes);
        slices().matching("io.nightwatch.ui.wizard.(*)..").should().beFreeOfCycles().check(classes);
    }

    private static final DescribedPredicate<JavaAccess<?>> RUN_LATER = DescribedPredicate.describe("Platform.runLater",
            access -> access.getTarget().getOwner().isEquivalentTo(javafx.application.Platform.class)
                    && access.getTarget().getName().equals("runLater"));
}
