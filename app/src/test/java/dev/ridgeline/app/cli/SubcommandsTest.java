package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The subcommands are made one at a time by name ({@link RidgelineCommand#command}): each name is its command's. */
class SubcommandsTest {
    @Test
    void eachNameMakesTheCommandOfThatName() {
        for (String name : RidgelineCommand.COMMANDS) {
            Command c = RidgelineCommand.command(name).getClass().getAnnotation(Command.class);
            assertEquals(name, c.name());
        }
    }

    /** A command class added to the package is reachable: by name here, or as a subcommand of one that is. */
    @Test
    void everyCommandOfThePackageIsReachable() {
        java.util.Set<Class<?>> reachable = new java.util.HashSet<>();
        reachable.add(RidgelineCommand.class);
        java.util.Deque<Class<?>> todo = new java.util.ArrayDeque<>();
        for (String name : RidgelineCommand.COMMANDS) {
            todo.add(RidgelineCommand.command(name).getClass());
        }
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (reachable.add(c)) {
                todo.addAll(java.util.Arrays.asList(c.getAnnotation(Command.class).subcommands()));
            }
        }
        com.tngtech.archunit.core.domain.JavaClasses cli = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ridgeline.app.cli");
        for (com.tngtech.archunit.core.domain.JavaClass c : cli) {
            if (c.isAnnotatedWith(Command.class)) {
                assertTrue(reachable.contains(c.reflect()), c.getName() + " is in no command's list (RidgelineCommand.COMMANDS)");
            }
        }
    }

    @Test
    void theUsageListsEverySubcommandAndAMistypedNameIsToldTheNearest() {
        CliTest.Run help = CliTest.run("--help");
        assertEquals(0, help.code(), help.err());
        for (String name : RidgelineCommand.COMMANDS) {
            assertTrue(help.out().contains("\n  " + name + " ") || help.out().contains("\n  " + name + "\n"), name + " in " + help.out());
        }
        CliTest.Run typo = CliTest.run("evaluat");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("evaluate"), typo.err());
    }
}
