package dev.ridgeline.app.explorer;

import dev.ridgeline.app.explorer.tuning.Tuning;
import dev.ridgeline.app.export.ChartExport;
import dev.ridgeline.app.export.ImageExport;
import dev.ridgeline.app.export.ViewKind;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the chip-tuning charts on screen (the File menu): the sensitivity tornado and the map of two fields, computing
 * them if not yet shown, with the words the view shows beside them ({@link ChartExport#captioned}).
 */
final class TuningExport {
    private TuningExport() {
    }

    static void write(ExplorerView view, boolean map, Path out, int width, int height) throws IOException {
        Tuning t = view.tuning();
        String footer = ViewExport.footer(view, map ? ViewKind.MAP : ViewKind.SENSITIVITY);
        if (map) {
            t.activateMap();
            ready(t.map().result(), "map");
            t.map().drawFor(width, height - ImageExport.footerHeight(footer, width));
            try {
                ChartExport.captioned(out, width, height, footer, t.map().chart(), t.map().noteText());
            } finally {
                t.map().drawForView();
            }
        } else {
            t.activateSensitivity();
            ready(t.sensitivity().result(), "sensitivity");
            ChartExport.captioned(out, width, height, footer, t.sensitivity().chart(), t.sensitivity().captionText());
        }
    }

    private static void ready(Object result, String what) {
        if (result == null) {
            throw new IllegalStateException("the " + what + " is still being computed; export it again when it is drawn");
        }
    }
}
