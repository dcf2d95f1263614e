package dev.ridgeline.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.ridgeline.engine.model.Fidelity;
import java.util.List;
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

    /**
     * Issue 19, item 5: what a fidelity decides (the chip's reading, expert slots, the promotion rule, layouts, bands,
     * the readings in force) is read from its plan ({@code plan.FidelityRules}), so nothing else branches on the
     * fidelity: outside the plan package only the model (where the enum lives and the scenario's records validate
     * it) and io (which reads and writes it in files) name a fidelity's constant. A {@code switch} on the fidelity
     * reads the constants too, in its synthetic switch map, and is caught the same way.
     */
    @Test
    void onlyThePlanBranchesOnTheFidelity() {
        FIDELITY_OUTSIDE_THE_PLAN.check(ENGINE);
    }

    /** The rule is not vacuous: a class outside the plan that branches on the fidelity, or switches on it, breaks it. */
    @Test
    void theFidelityRuleCatchesABranchAndASwitch() {
        for (Class<?> c : List.of(BranchesOnFidelity.class, SwitchesOnFidelity.class)) {
            JavaClasses offender = new ClassFileImporter().importPackagesOf(c).that(
                    com.tngtech.archunit.base.DescribedPredicate.describe(c.getSimpleName(),
                            j -> j.getName().equals(c.getName())
                                    || j.getName().matches(java.util.regex.Pattern.quote(ArchitectureTest.class.getName()) + "\\$\\d+")));
            assertTrue(FIDELITY_OUTSIDE_THE_PLAN.evaluate(offender).hasViolation(), c.getSimpleName());
        }
    }

    static final ArchRule FIDELITY_OUTSIDE_THE_PLAN = noClasses().that().resideOutsideOfPackages(
                    "dev.ridgeline.engine.plan..", "dev.ridgeline.engine.model..", "dev.ridgeline.engine.io..")
            .should().getField(Fidelity.class, "SEED").orShould().getField(Fidelity.class, "CALIBRATED")
            .because("a fidelity's readings come from its plan (FidelityRules), not from branches elsewhere");

    static final class BranchesOnFidelity {
        static boolean seed(Fidelity f) {
            return f == Fidelity.SEED;
        }
    }

    static final class SwitchesOnFidelity {
        static int code(Fidelity f) {
            switch (f) {
                case CALIBRATED:
                    return 1;
                default:
                    return 0;
            }
        }
    }

    @Test
    void noConsoleOutputInTheEngine() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(ENGINE);
    }
}
