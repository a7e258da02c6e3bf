package io.nightwatch.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
        noClasses().that().doNotHaveFullyQualifiedName("io.nightwatch.ui.FxBridge")
                .should().callMethod("javafx.application.Platform", "runLater", "java.lang.Runnable")
                .because("background work reaches the FX thread through one path that coalesces bursts")
                .check(classes);
    }
}
