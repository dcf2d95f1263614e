package dev.ridgeline.app.explorer;

import dev.ridgeline.app.explorer.charts.GanttPainter;
import dev.ridgeline.app.export.ImageExport;
import dev.ridgeline.app.export.ViewKind;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.AtomicFiles;
import dev.ridgeline.engine.io.FrontierReports;
import dev.ridgeline.engine.io.Reports;
import dev.ridgeline.engine.space.Frontier;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;

/**
 * Writes what the explorer shows: the whole window, the roofline, the Gantt, the frontier, the sensitivity tornado
 * or the map as an image, the op table and the frontier's deployments as CSV.
 */
public final class ViewExport {
    private ViewExport() {
    }

    /**
     * Writes {@code kind} of {@code view} to {@code out}, {@code width x height} in all including the footer. For the
     * window, the view is snapshotted at its current size (lay it out at {@code height} less {@link ImageExport#footerHeight}
     * of {@link #footer} first). FX thread.
     */
    public static void write(ExplorerView view, ViewKind kind, Path out, int width, int height) throws IOException {
        Evaluation drawn = view.model().getDrawn();
        switch (kind) {
            case ROOFLINE:
                ImageExport.write(out, width, height, footer(view, kind),
                        (g, area) -> view.roofline().chart().draw(g, area));
                break;
            case GANTT:
                ImageExport.write(out, width, height, footer(view, kind),
                        (g, area) -> GanttPainter.paint(g, area, drawn.schedule(), GanttPainter.card(drawn)));
                break;
            case FRONTIER:
                frontier(view);
                // the footer names the marked scenario, as the other views' footers do
                ImageExport.write(out, width, height, footer(view, kind),
                        (g, area) -> view.frontier().chart().draw(g, area));
                break;
            case SENSITIVITY:
            case MAP:
                TuningExport.write(view, kind == ViewKind.MAP, out, width, height);
                break;
            case SERVED: {
                view.served().model().activeProperty().set(true);
                dev.ridgeline.engine.serve.Served served = view.served().model().job().getResult();
                if (served == null) {
                    throw new IllegalStateException("the served workload is still being sized; export it again when it is drawn");
                }
                ImageExport.write(out, width, height, footer(view, kind),
                        (g, area) -> dev.ridgeline.app.explorer.served.ServedPainter.paint(g, area, served));
                break;
            }
            default:
                // the footer carries the status line's summary: leave the status line out of the picture
                javafx.scene.Node status = view.getBottom();
                status.setVisible(false);
                status.setManaged(false);
                WritableImage snapshot;
                try {
                    view.applyCss();
                    view.layout();
                    snapshot = view.snapshot(null, null);
                } finally {
                    status.setManaged(true);
                    status.setVisible(true);
                    view.layout();
                }
                BufferedImage image = SwingFXUtils.fromFXImage(snapshot, null);
                ImageExport.write(out, width, height, footer(view, kind),
                        (g, area) -> g.drawImage(image, (int) area.getX(), (int) area.getY(),
                                (int) area.getWidth(), (int) area.getHeight(), null));
        }
    }

    /**
     * The footer of {@code kind}'s picture: the window's carries the status line's summary, the tuning charts' the
     * scenario they were computed for, the others' the scenario drawn. A caller sizing the picture asks here too.
     */
    public static String footer(ExplorerView view, ViewKind kind) {
        return ImageExport.footer(switch (kind) {
            case WINDOW -> view.statusText();
            case SENSITIVITY, MAP -> view.model().getScenario().summary();
            default -> view.model().getDrawn().scenario().summary();
        });
    }

    /**
     * The frontier on display; an export asks for it when the view has not swept yet (with a same-thread runner, as
     * in the command line, it is computed here).
     */
    static Frontier.Result frontier(ExplorerView view) {
        view.frontier().model().activeProperty().set(true);
        Frontier.Result r = view.frontier().model().getResult();
        if (r == null) {
            throw new IllegalStateException("the frontier is still being computed; export it again when it is drawn");
        }
        return r;
    }

    /** Every deployment of the frontier on display as CSV (the columns of {@code ridgeline frontier --format csv}). */
    public static void writeFrontierCsv(ExplorerView view, Path out) throws IOException {
        AtomicFiles.write(out, FrontierReports.csv(frontier(view)));
    }

    /** The op table of what the charts show, as CSV. */
    public static void writeCsv(ExplorerView view, Path out) throws IOException {
        AtomicFiles.write(out, Reports.opsCsv(view.model().getDrawn()));
    }
}
