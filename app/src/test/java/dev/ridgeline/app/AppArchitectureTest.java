package dev.ridgeline.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
     * The app's packages form one dependency cycle today (issue 22: the window, the command line, exports and the
     * report reach into each other). Until it is broken up, what is acyclic stays so: the chip editor and the balance
     * panel are leaves that know no other package of the app, and the window's building blocks (charts, scenario
     * controls, chip tuning, the editor, the balance panel) never reach up into the command line, the exports or the
     * report, which are built on them.
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

    @Test
    void noJacksonInTheApp() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..").check(APP);
    }
}
