package dev.ridgeline.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ridgeline.app.cli.Launcher;
import dev.ridgeline.engine.model.Fidelity;
import org.junit.jupiter.api.Test;

/** STYLE 15: console output only in the command line; Jackson only in the engine's io package. */
class AppArchitectureTest {
    static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ridgeline.app");

    @Test
    void noConsoleOutputOutsideTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("dev.ridgeline.app.cli..").and().doNotHaveSimpleName("Launcher")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .allowEmptyShould(true).check(APP);
    }

    /**
     * The app's packages depend on each other in one direction only (issue 22: all of them formed one cycle before).
     * From the bottom: {@code dev.ridgeline.app} (what every part shares: the engine, the user's folders, number
     * parsing and units, the version, the comparison of two scenarios); the leaves (chip editor, balance panel); the
     * window's building blocks (charts, tuning, frontier, served, scenario, validation); {@code export} (drawing a chart
     * to PNG/SVG/PDF) and {@code report}; the window ({@code explorer}: model, view, menus, the exports and benches of
     * the whole window); the command line ({@code cli}, with the launcher). A slice is a package, the root one included.
     */
    @Test
    void theAppsPackagesAreFreeOfCycles() {
        slices().matching("dev.ridgeline.(**)").should().beFreeOfCycles().check(APP);
    }

    /**
     * What sits below stays below: the chip editor and the balance panel are leaves that know no other package of
     * the app but the shared root, and the window's building blocks never reach up into the command line, the exports
     * or the report, which are built on them.
     */
    @Test
    void theLeafPackagesKnowNoOtherPackageOfTheApp() {
        for (String leaf : new String[] {"dev.ridgeline.app.chipeditor..", "dev.ridgeline.app.balance.."}) {
            noClasses().that().resideInAPackage(leaf).should().dependOnClassesThat()
                    .resideInAnyPackage("dev.ridgeline.app", "dev.ridgeline.app.cli..", "dev.ridgeline.app.explorer..",
                            "dev.ridgeline.app.export..", "dev.ridgeline.app.report..",
                            leaf.startsWith("dev.ridgeline.app.chipeditor") ? "dev.ridgeline.app.balance.."
                                    : "dev.ridgeline.app.chipeditor..")
                    .check(APP);
        }
    }

    @Test
    void theWindowsBuildingBlocksNeverReachUpIntoTheCommandLineExportsOrReport() {
        noClasses().that().resideInAnyPackage("dev.ridgeline.app.explorer.charts..", "dev.ridgeline.app.explorer.scenario..",
                        "dev.ridgeline.app.explorer.tuning..", "dev.ridgeline.app.chipeditor..", "dev.ridgeline.app.balance..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ridgeline.app.cli..", "dev.ridgeline.app.export..",
                        "dev.ridgeline.app.report..")
                .check(APP);
    }

    /**
     * Issue 19, item 5, for the app as the engine's ArchitectureTest holds it for the engine: what a fidelity decides
     * (which fields apply, whether layouts and EPLB are modelled) is asked of its plan ({@code Plan.rules}), so no
     * class of the app names a fidelity's constant; a bench or check that needs a particular fidelity names it by
     * what it is for ({@code Fidelity.physical()}, {@code Fidelity.reproducing()}).
     */
    @Test
    void theAppAsksThePlanInsteadOfBranchingOnTheFidelity() {
        noClasses().should().getField(Fidelity.class, "SEED").orShould().getField(Fidelity.class, "CALIBRATED")
                .because("a fidelity's readings come from its plan (FidelityRules), not from branches in the app")
                .check(APP);
    }

    /** The rule is not vacuous: a class that branches on the fidelity breaks it. */
    @Test
    void theFidelityRuleWouldCatchABranch() {
        JavaClasses offender = new ClassFileImporter().importClasses(BranchesOnFidelity.class);
        assertTrue(noClasses().should().getField(Fidelity.class, "SEED").orShould().getField(Fidelity.class, "CALIBRATED")
                .evaluate(offender).hasViolation());
    }

    static final class BranchesOnFidelity {
        static boolean seed(Fidelity f) {
            return f == Fidelity.SEED;
        }
    }

    @Test
    void noJacksonInTheApp() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..").check(APP);
    }
}
