package dev.ridgeline.app.explorer.served;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.Serving;
import dev.ridgeline.engine.serve.Workload;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Served view's drawing, without the toolkit: pools to scale, ink where there is something to say. */
class ServedPainterTest {
    static final Scenario H800 = Presets.builtInScenario("default").withFidelity(Fidelity.CALIBRATED);
    static final Served SIZED = Serving.size(Engines.builtIn(), H800, Workload.of(4096, 1024));

    static BufferedImage image(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    }

    @ParameterizedTest
    @CsvSource({"900, 420", "600, 300", "320, 200"})
    void thePoolsAreDrawnToScale(int width, int height) {
        BufferedImage img = image(width, height);
        Graphics2D g = img.createGraphics();
        ServedPainter.Drawn d = ServedPainter.paint(g, new Rectangle2D.Double(0, 0, width, height), SIZED);
        Served.Sized s = (Served.Sized) SIZED;
        double total = d.prefill().getWidth() + d.decode().getWidth();
        // the prefill pool's share of the cards is 1 / (1 + D/P)
        assertEquals(1 / (1 + s.decodePerPrefill()), d.prefill().getWidth() / total, 1e-9);
        assertEquals(d.prefill().getMaxX(), d.decode().getX(), 1e-9);
        assertTrue(d.decode().getMaxX() <= width, "inside the image");
    }

    @Test
    void anUnmetWorkloadIsOneLineNotAnEmptyPicture() {
        Served unmet = Serving.size(Engines.builtIn(), H800, Workload.of(4096, 1024).withTtftLimit(0.01));
        BufferedImage img = image(600, 300);
        ServedPainter.Drawn d = ServedPainter.paint(img.createGraphics(), new Rectangle2D.Double(0, 0, 600, 300), unmet);
        assertNull(d.prefill());
        int ink = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 600; x++) {
                ink += (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertTrue(ink > 200, "the reason is drawn: " + ink + " pixels of ink");
    }
}
