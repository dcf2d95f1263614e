package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ridgeline.app.UserFolders;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line sees the user's saved presets as the window does; a broken one is named on stderr and skipped. */
class UserFolderCliTest {
    @TempDir
    Path home;
    private String userHome;

    @BeforeEach
    void temporaryHome() {
        assumeTrue(System.getenv("RIDGELINE_HOME") == null, "the user folder is fixed by RIDGELINE_HOME");
        userHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (userHome != null) {
            System.setProperty("user.home", userHome);
        }
    }

    static Chip myChip() {
        return Presets.builtIn().chip("H800 SXM5").withName("My Chip").withHbmBandwidth(4.8e12);
    }

    @Test
    void aSavedChipIsListedAndEvaluates() throws IOException {
        Presets.saveUserChip(UserFolders.presets(), myChip());
        CliTest.Run list = CliTest.run("presets", "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("  My Chip ") && l.contains("4800 GB/s")), list.out());
        CliTest.Run evaluate = CliTest.run("evaluate", "--chip", "my chip");
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(evaluate.out().startsWith("DeepSeek-V3 / My Chip / CX7 /"), evaluate.out());
        assertEquals("", evaluate.err());
    }

    @Test
    void brokenUserFilesAreNamedOneLineEachAndTheCommandRuns() throws IOException {
        Path chips = Files.createDirectories(UserFolders.presets().resolve("chips"));
        Files.writeString(chips.resolve("bad.json"), "{\"schemaVersion\": 1}");
        Files.writeString(chips.resolve("newline.json"), Presets.chipJson(myChip()).replace("\"My Chip\"", "\"My\\nChip\""));
        Files.writeString(chips.resolve("a.json"), Presets.chipJson(myChip().withName("İ")));
        Files.writeString(chips.resolve("b.json"), Presets.chipJson(myChip().withName("i̇")));
        CliTest.Run run = CliTest.run("evaluate", "--chip", "İ", "--format", "csv");
        assertEquals(0, run.code(), run.err());
        assertEquals(3, run.err().lines().count(), run.err());
        assertTrue(run.err().lines().allMatch(l -> l.startsWith("ridgeline: skipped " + chips)), run.err());
        assertTrue(run.err().contains("b.json: name 'i̇' is already taken; skipped"), run.err());
        assertTrue(run.err().contains("name must not contain control characters, was 'My\\nChip'"), run.err());
        assertTrue(run.out().startsWith("op,"), run.out());
    }
}
