package dev.ridgeline.app.explorer;

import java.util.function.DoubleConsumer;
import javafx.scene.Scene;

/**
 * Times the CSS and layout passes of the pulse after an edit, as the window benches count them: once armed, the next
 * pulse's time from before its layout to after it goes to {@code record} (ms), on the FX thread.
 */
final class PulseTimer {
    private long start;
    private boolean armed;

    private PulseTimer() {
    }

    static PulseTimer on(Scene scene, DoubleConsumer record) {
        PulseTimer t = new PulseTimer();
        scene.addPreLayoutPulseListener(() -> {
            if (t.armed) {
                t.start = System.nanoTime();
            }
        });
        scene.addPostLayoutPulseListener(() -> {
            if (t.armed) {
                t.armed = false;
                record.accept((System.nanoTime() - t.start) / 1e6);
            }
        });
        return t;
    }

    /** The next pulse is timed. */
    void arm() {
        armed = true;
    }
}
