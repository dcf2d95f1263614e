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
