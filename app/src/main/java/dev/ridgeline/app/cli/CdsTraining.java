package dev.ridgeline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run of the class-data-sharing archive the {@code ridgeline} script makes (JDK 17 writes one with
 * {@code -XX:ArchiveClassesAtExit}; the script passes it to every later start with {@code -XX:SharedArchiveFile}).
 * It runs what users start: the usage, a one-shot evaluation, each chart export in each format, the review report's
 * PDF (openhtmltopdf, PDFBox, the report's sections), the window built headless for its export, and the window
 * opened as the launcher opens it, to its first drawn result, and closed (JavaFX's scene graph, controls, menus, CSS
 * and software renderer; the window on screen adds only its platform's classes), so that their classes are mapped from the archive instead of read, parsed and verified from the jars.
 * Output is discarded; files go to a temporary folder, removed after. Exit 0 when every run succeeded.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ridgeline-cds-training");
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        // what Launcher.main does before a command (the class and its thread's lambda: else read from the jar)
        Launcher.readPresetsMeanwhile(true);
        Launcher.explorerOpener(); // made before every command (its class: else spun at each start)
        int failed = 0;
        try {
            String[][] runs = {
                {"--help"},
                {"evaluate"},
                {"evaluate", "--format", "json"},
                {"export", "--view", "roofline", "--out", dir.resolve("roofline.png").toString()},
                {"export", "--view", "gantt", "--out", dir.resolve("gantt.svg").toString()},
                {"export", "--view", "frontier", "--out", dir.resolve("frontier.pdf").toString()},
                {"export", "--view", "map", "--out", dir.resolve("map.png").toString()},
                {"export", "--view", "sensitivity", "--out", dir.resolve("sensitivity.svg").toString()},
                {"export", "--view", "window", "--out", dir.resolve("window.png").toString()},
                {"report", "--out", dir.resolve("review.pdf").toString()},
            };
            for (String[] run : runs) {
                failed += RidgelineCommand.run(none, none, run) == RidgelineCommand.OK ? 0 : 1;
            }
            // the window as a user opens it (its menus, the controls' skins, the first evaluation and pulse), on
            // the headless toolkit the window export started, then closed
            dev.ridgeline.app.export.HeadlessFx.start();
            failed += dev.ridgeline.app.explorer.WindowStartBench.openAndClose() ? 0 : 1;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
