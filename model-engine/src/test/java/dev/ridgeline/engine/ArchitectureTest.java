package dev.ridgeline.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine's boundaries (STYLE 15): no JavaFX at all, Jackson only in io, no console output. */
class ArchitectureTest {
    static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ridgeline.engine");

    @Test
    void engineNeverImportsJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "org.controlsfx..")
                .check(ENGINE);
    }

    @Test
    void jacksonOnlyInTheIoPackage() {
        noClasses().that().resideOutsideOfPackage("dev.ridgeline.engine.io..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..").check(ENGINE);
    }

    @Test
    void noConsoleOutputInTheEngine() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(ENGINE);
    }
}
