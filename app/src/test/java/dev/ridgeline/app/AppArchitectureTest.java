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

    @Test
    void noJacksonInTheApp() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..").check(APP);
    }
}
