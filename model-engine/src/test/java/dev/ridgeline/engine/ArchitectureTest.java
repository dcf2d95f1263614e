package dev.ridgeline.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine's boundaries (STYLE 15): no JavaFX at all, Jackson only in io, nothing depends on io, no package cycles, no console output. */
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

    /** Issue 11: calibration is handed to the engine; the io package depends on the engine, never the reverse. */
    @Test
    void nothingOutsideIoDependsOnIo() {
        noClasses().that().resideOutsideOfPackage("dev.ridgeline.engine.io..")
                .should().dependOnClassesThat().resideInAPackage("dev.ridgeline.engine.io..").check(ENGINE);
    }

    /** The engine's packages, its root package (Engine, Evaluation) included, form no dependency cycle. */
    @Test
    void packagesAreFreeOfCycles() {
        SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                return p.startsWith("dev.ridgeline.engine")
                        ? SliceIdentifier.of(p.equals("dev.ridgeline.engine") ? "engine" : p.substring("dev.ridgeline.engine.".length()))
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "engine packages";
            }
        }).should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void noConsoleOutputInTheEngine() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(ENGINE);
    }
}
