package dev.ridgeline.app.export;

import dev.ridgeline.app.explorer.ExplorerView;
import dev.ridgeline.app.explorer.tuning.Tuning;
import java.io.IOException;
import java.nio.file.Path;
import dev.ridgeline.app.explorer.charts.Palette;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

/** Writes the chip-tuning charts: the sensitivity tornado and the map of two fields, computing them if not yet shown. */
final class TuningExport {
    private TuningExport() {
    }

    static void write(ExplorerView view, boolean map, Path out, int width, int height) throws IOException {
        Tuning t = view.tuning();
        JFreeChart chart;
        String caption;
        if (map) {
            t.activateMap();
            ready(t.map().result(), "map");
            t.map().drawFor(width, height - ImageExport.FOOTER);
            chart = t.map().chart();
            caption = t.map().noteText();
        } else {
            t.activateSensitivity();
            ready(t.sensitivity().result(), "sensitivity");
            chart = t.sensitivity().chart();
            caption = t.sensitivity().captionText();
        }
        // the file carries what the view says beside its chart, as the chart's title for the drawing only
        TextTitle title = new TextTitle(caption, Palette.LABEL);
        title.setPaint(Palette.INK);
        title.setMaximumLinesToDisplay(3);
        chart.setTitle(title);
        try {
            ImageExport.write(out, width, height, ImageExport.footer(view.model().getScenario().summary()),
                    (g, area) -> chart.draw(g, area));
        } finally {
            chart.setTitle((TextTitle) null);
            if (map) {
                t.map().drawForView();
            }
        }
    }

    private static void ready(Object result, String what) {
        if (result == null) {
            throw new IllegalStateException("the " + what + " is still being computed; export it again when it is drawn");
        }
    }
}
