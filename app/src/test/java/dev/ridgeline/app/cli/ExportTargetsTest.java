package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Export targets that cannot be written (the issue: a folder, a missing or read-only folder, /proc, a too-long name)
 * exit 2 with "cannot write FILE: why" in one line, not an internal error; and a scenario that used to freeze the
 * Gantt is refused before anything is drawn.
 */
class ExportTargetsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // share the toolkit with the TestFX tests in this JVM
    }

    @Test
    void seed101UnwritableTargetsExitTwoSayingWhy() throws IOException {
        SplittableRandom r = new SplittableRandom(101);
        Path folder = Files.createDirectories(dir.resolve("folder.png"));
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        List<Path> targets = new ArrayList<>(List.of(folder, plain.resolve("x.svg"), dir.resolve("n".repeat(300) + ".pdf")));
        if (Files.isDirectory(Path.of("/proc/self"))) {
            targets.add(Path.of("/proc/ridgeline.png"));
        }
        for (int i = 0; i < 6; i++) {
            Path target = targets.get(r.nextInt(targets.size()));
            String[] views = {"gantt", "roofline", "window"};
            CliTest.Run run = CliTest.run("export", "--out", target.toString(), "--view", views[r.nextInt(views.length)],
                    "--width", "400", "--height", "300");
            assertEquals(2, run.code(), target + ": " + run.err());
            String line = run.err().lines().filter(l -> l.startsWith("ridgeline: ")).findFirst().orElse("");
            assertTrue(line.startsWith("ridgeline: --out: cannot write "), run.err());
            assertTrue(line.matches("ridgeline: --out: cannot write .+: .+"), line);
            assertEquals(1, run.err().lines().filter(l -> l.startsWith("ridgeline") || l.startsWith("\tat ")).count(),
                    run.err());
        }
        try (var left = Files.list(dir)) {
            assertEquals(2, left.count(), "nothing but the folder and the plain file: no temporary left");
        }
    }

    /** The freeze: a GEMM efficiency of 1e-320 made the step time infinite and the Gantt's axis endless. */
    @Test
    void aSubnormalEfficiencyIsRefusedBeforeAnythingIsDrawn() {
        Path out = dir.resolve("x.png");
        CliTest.Run run = CliTest.run("export", "--out", out.toString(), "--gemm-efficiency", "1e-320");
        assertEquals(2, run.code(), run.err());
        assertEquals("ridgeline: --gemm-efficiency: bad value 1e-320 (gemmEfficiency must be 0 or in [0.01, 1])",
                run.err().strip());
        assertTrue(Files.notExists(out));
    }
}
