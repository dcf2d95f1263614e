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
