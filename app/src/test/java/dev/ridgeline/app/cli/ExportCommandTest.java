package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Version;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** {@code ridgeline export} headless: the requested size and format, and exit 2 on a bad --out. */
class ExportCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // share the toolkit with the TestFX tests in this JVM
    }

    private int run(String... args) {
        return RidgelineCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void windowPngHasTheRequestedSize() throws Exception {
        Path png = dir.resolve("window.png");
        assertEquals(0, run("export", "--out", png.toString(), "--width", "1000", "--height", "700", "--batch", "64"), err.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(700, image.getHeight());
        assertTrue(distinctColours(image) > 50, "a rendered window, not a blank image");
    }

    @Test
    void rooflineSvgAndGanttPdfCarryTheFooter() throws Exception {
        Path svg = dir.resolve("roofline.svg");
        assertEquals(0, run("export", "--out", svg.toString(), "--view", "roofline", "--chip", "H20"), err.toString());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<svg") || text.contains("<svg"), text.substring(0, 80));
        assertTrue(text.contains("H20 / CX7"), "footer with the scenario summary");
        assertTrue(text.contains("Ridgeline " + Version.current()), "footer with the version");
        Path pdf = dir.resolve("gantt.pdf");
        assertEquals(0, run("export", "--out", pdf.toString(), "--view", "gantt", "--policy", "naive"), err.toString());
        byte[] bytes = Files.readAllBytes(pdf);
        assertTrue(bytes.length > 1000);
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void frontierRendersAsPngAndSvgWithItsAxesAnswerAndFooter() throws Exception {
        Path png = dir.resolve("frontier.png");
        assertEquals(0, run("export", "--out", png.toString(), "--view", "frontier", "--width", "1000", "--height", "600"),
                err.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(600, image.getHeight());
        assertTrue(distinctColours(image) > 20, "a rendered chart, not a blank image");
        Path svg = dir.resolve("frontier.svg");
        assertEquals(0, run("export", "--out", svg.toString(), "--view", "frontier", "--chip", "H20"), err.toString());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        // (the rotated y-axis label is drawn as outlines, not text)
        for (String expected : List.of("Tokens/s per user (interactivity)", "Best at ≥ 20 tokens/s per user", "target 20", "every deployment", "H20 / CX7")) {
            assertTrue(text.contains(expected), expected + " in the SVG");
        }
    }

    /** The issue: export took no --target-tps; the frontier's answer, the sensitivity and the map use it as frontier does. */
    @Test
    void theTargetTpsFlagMovesTheFrontiersAnswerAndTheSensitivitysHeadline() throws Exception {
        Path svg = dir.resolve("frontier35.svg");
        assertEquals(0, run("export", "--out", svg.toString(), "--view", "frontier", "--target-tps", "35"), err.toString());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("Best at ≥ 35 tokens/s per user"), "the answer at the target");
        assertTrue(text.contains("target 35"), "the target line");
        assertFalse(text.contains("Best at ≥ 20 tokens/s per user"));
        Path tornado = dir.resolve("sensitivity35.svg");
        assertEquals(0, run("export", "--out", tornado.toString(), "--view", "sensitivity", "--target-tps", "35"),
                err.toString());
        assertTrue(Files.readString(tornado, StandardCharsets.UTF_8).contains("tokens/s per card at ≥ 35 tokens/s per user"));
        assertEquals(2, run("export", "--out", dir.resolve("zero.png").toString(), "--view", "frontier", "--target-tps", "0"));
        assertTrue(err.toString().strip().endsWith("ridgeline: --target-tps: bad value 0 (must be > 0)"), err.toString());
        assertTrue(Files.notExists(dir.resolve("zero.png")));
    }

    @Test
    void aSideTabIsRefusedForAChartView() {
        assertEquals(2, run("export", "--out", dir.resolve("t.png").toString(), "--view", "roofline", "--tab", "chip"));
        assertEquals("ridgeline: --tab: bad value 'chip' (a side tab of --view window; --view roofline has none)",
                err.toString().strip());
    }

    @Test
    void unknownExtensionExitsTwoNamingOutAndTheValue() {
        Path gif = dir.resolve("view.gif");
        assertEquals(2, run("export", "--out", gif.toString()));
        String message = err.toString().trim();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("--out") && message.contains("view.gif"), message);
        assertTrue(Files.notExists(gif));
    }

    @Test
    void unknownViewAndBadScenarioFlagExitTwo() {
        assertEquals(2, run("export", "--out", dir.resolve("a.png").toString(), "--view", "pie"));
        assertTrue(err.toString().contains("--view"), err.toString());
        assertEquals(2, run("export", "--out", dir.resolve("b.png").toString(), "--batch", "0"));
        assertTrue(err.toString().contains("--batch"), err.toString());
        assertEquals(2, run("export", "--out", dir.resolve("c.png").toString(), "--tab", "gantt"));
        assertTrue(err.toString().contains("--tab") && err.toString().contains("gantt"), err.toString());
        assertTrue(Files.notExists(dir.resolve("c.png")));
    }

    @Test
    void pinnedExportDiffersAndABadPinFileIsNamed() throws Exception {
        Path a = dir.resolve("a.json");
        dev.ridgeline.engine.io.Presets.writeScenario(a, dev.ridgeline.engine.io.Presets.builtInScenario("default"));
        Path plain = dir.resolve("plain.png");
        Path compared = dir.resolve("compared.png");
        assertEquals(0, run("export", "--out", plain.toString(), "--batch", "64"));
        assertEquals(0, run("export", "--out", compared.toString(), "--batch", "64", "--pin", a.toString()));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(plain), Files.readAllBytes(compared)));
        Path missing = dir.resolve("missing.json");
        assertEquals(2, run("export", "--out", dir.resolve("d.png").toString(), "--pin", missing.toString()));
        assertTrue(err.toString().contains("missing.json"), err.toString());
    }

    @Test
    void chipTabExportDiffersFromTheResultsTab() throws Exception {
        Path results = dir.resolve("results.png");
        Path chip = dir.resolve("chip.png");
        assertEquals(0, run("export", "--out", results.toString()));
        assertEquals(0, run("export", "--out", chip.toString(), "--tab", "chip"));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(results), Files.readAllBytes(chip)));
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
