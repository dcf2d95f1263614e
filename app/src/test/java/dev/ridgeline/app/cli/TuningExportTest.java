package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.space.Sensitivity;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** {@code export --view sensitivity|map} and the tuning side tabs in a window export, headless. */
class TuningExportTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // share the toolkit with the TestFX tests in this JVM
    }

    @Test
    void theSensitivityAsSvgNamesTheKnobsTheHeadlineAndTheScenario() throws Exception {
        Path svg = dir.resolve("sensitivity.svg");
        CliTest.Run r = CliTest.run("export", "--out", svg.toString(), "--view", "sensitivity");
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        double headline = Sensitivity.headline(dev.ridgeline.app.Engines.builtIn(), Presets.builtInScenario("default"), 20);
        assertTrue(text.contains(String.format(Locale.ROOT, "Headline: %,.0f tokens/s per card", headline)), "caption");
        for (String knob : new String[] {"FP8 tensor rate", "NIC bandwidth", "HBM bandwidth", "re-optimised −10 %",
            "fixed deployment +10 %", "change of tokens/s per card"}) {
            assertTrue(text.contains(knob), knob);
        }
        assertTrue(text.contains("DeepSeek-V3 / H800 / CX7"), "footer");
    }

    @Test
    void theMapOfTwoFieldsIsAPictureOfTheRequestedSize() throws Exception {
        Path png = dir.resolve("map.png");
        CliTest.Run r = CliTest.run("export", "--out", png.toString(), "--view", "map", "--x-field", "NIC bandwidth",
                "--y-field", "scale-up domain", "--width", "1000", "--height", "640");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + png + " (map, PNG, 1000x640)"), r.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(640, image.getHeight());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 5) {
            for (int x = 0; x < image.getWidth(); x += 5) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 100, "a heat map, not a blank picture: " + colours.size());
    }

    /**
     * Issue 19: the map is hatched where a cell's P10-P90 band is wider than a contour step, in an export as in the
     * Map tab (the export drew no hatching). The default map is calibrated throughput, whose bands are wider than its
     * contour step over most of the map (the Map tab hatches it so); seed 000 has no bands, so no hatching.
     */
    @Test
    void anExportedMapIsHatchedWhereTheWindowsIs() throws Exception {
        Path calibrated = dir.resolve("calibrated.svg");
        CliTest.Run r = CliTest.run("export", "--out", calibrated.toString(), "--view", "map");
        assertEquals(0, r.code(), r.err());
        assertTrue(java.nio.file.Files.readString(calibrated).contains("P10–P90 wider than a contour step"),
                "the hatching's legend item");
        Path seed = dir.resolve("seed.svg");
        CliTest.Run s = CliTest.run("export", "--out", seed.toString(), "--view", "map", "--fidelity", "seed");
        assertEquals(0, s.code(), s.err());
        assertFalse(java.nio.file.Files.readString(seed).contains("P10–P90"), "seed 000 has no bands");
    }

    /**
     * The tornado at the Sensitivity side tab's width: no two value labels of a row run together. A bar of no change
     * was labelled right of the axis, next to the other bar's label ("0" then "+186" 4 px apart: "0 +186"). Widths measured with the
     * labels' own font (DejaVu Sans 11 px, as the SVG says).
     */
    @Test
    void theTornadoAtTheSidePanelsWidthKeepsItsLabelsApart() throws Exception {
        Path svg = dir.resolve("tornado.svg");
        CliTest.Run r = CliTest.run("export", "--out", svg.toString(), "--view", "sensitivity", "--width", "360",
                "--height", "700");
        assertEquals(0, r.code(), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<text x='([-0-9.]+)' y='([-0-9.]+)' style='[^']*font-family: \"DejaVu Sans\"[^']*font-size: 11px;'[^>]*>([^<]+)</text>")
                .matcher(java.nio.file.Files.readString(svg));
        java.awt.Font font = new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 11);
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        java.util.List<double[]> boxes = new java.util.ArrayList<>();
        java.util.List<String> texts = new java.util.ArrayList<>();
        while (m.find()) {
            String text = m.group(3);
            if (!text.matches("[−+0-9.,]+")) {
                continue; // only the bars' value labels ("0", "+186", "−72.9")
            }
            double x = Double.parseDouble(m.group(1));
            double y = Double.parseDouble(m.group(2));
            boxes.add(new double[] {x, x + font.getStringBounds(text, frc).getWidth(), y});
            texts.add(text);
        }
        assertTrue(boxes.size() > 10, "the value labels were found: " + boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i);
                double[] b = boxes.get(j);
                boolean sameLine = Math.abs(a[2] - b[2]) < 6;
                boolean same = texts.get(i).equals(texts.get(j)) && Math.abs(a[0] - b[0]) < 0.5;
                // two labels read as one phrase when a space apart (3.5 px at 11 px): two spaces at least
                assertTrue(!sameLine || same || a[1] + 7 <= b[0] || b[1] + 7 <= a[0],
                        "'" + texts.get(i) + "' and '" + texts.get(j) + "' run together at y=" + a[2]);
            }
        }
    }

    @Test
    void aWindowExportShowsTheTargetTab() throws Exception {
        Path png = dir.resolve("target.png");
        CliTest.Run r = CliTest.run("export", "--out", png.toString(), "--tab", "target", "--width", "1366", "--height", "768");
        assertEquals(0, r.code(), r.err());
        assertEquals(1366, ImageIO.read(png.toFile()).getWidth());
        CliTest.Run bad = CliTest.run("export", "--out", png.toString(), "--tab", "tuning");
        assertEquals(2, bad.code());
        assertEquals("ridgeline: --tab: bad value 'tuning' (expected results, chip, balance, sensitivity, target)", bad.err().strip());
    }
}
