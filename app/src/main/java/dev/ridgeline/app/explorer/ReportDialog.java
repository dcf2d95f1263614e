package dev.ridgeline.app.explorer;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.Engines;
import dev.ridgeline.app.report.ReportExport;
import dev.ridgeline.app.report.ReportFormat;
import dev.ridgeline.app.report.ReportTask;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.report.ReportRequest;
import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File > Export review report…: asks where, then builds the report of the scenario on screen (with A when one is
 * pinned) in the background, showing its progress in a small window with a Cancel button.
 */
public final class ReportDialog {
    private ReportDialog() {
    }

    /** Asks for the file and starts the report; returns the running task, or null when the user chose no file. */
    public static ReportTask export(Window owner, ExplorerModel model, Catalog catalog) {
        FileChooser c = new FileChooser();
        c.setTitle("Export review report");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PDF document", "*.pdf"),
                new FileChooser.ExtensionFilter("HTML page (one file)", "*.html"),
                new FileChooser.ExtensionFilter("Markdown (figures beside it as SVG)", "*.md"));
        c.setInitialFileName("review.pdf");
        File f = c.showSaveDialog(owner);
        if (f == null) {
            return null;
        }
        return start(owner, model, catalog, f.toPath());
    }

    /** Starts the report of the model's scenario into {@code out} and shows its progress window. */
    public static ReportTask start(Window owner, ExplorerModel model, Catalog catalog, Path out) {
        ReportFormat.of(out, "file name");
        Scenario s = model.getScenario();
        Evaluation pinned = model.pinnedProperty().get();
        ReportRequest request = ReportExport.request(s, pinned == null ? null : pinned.scenario(),
                ReportRequest.DEFAULT_TARGET, catalog, out);
        ReportTask task = new ReportTask(Engines.builtIn(), request, out);
        progressWindow(owner, task);
        Thread worker = new Thread(task, "review-report");
        worker.setDaemon(true);
        worker.start();
        return task;
    }

    private static void progressWindow(Window owner, ReportTask task) {
        Stage stage = new Stage();
        stage.setTitle("Review report");
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        ProgressBar bar = new ProgressBar();
        Names.name(bar, "reportProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(task.progressProperty());
        Label step = new Label();
        Names.name(step, "reportStep");
        step.textProperty().bind(task.messageProperty());
        Button cancel = new Button("Cancel");
        Names.name(cancel, "reportCancel");
        cancel.setOnAction(e -> task.cancel());
        HBox buttons = new HBox(cancel);
        HBox.setHgrow(bar, Priority.ALWAYS);
        VBox box = new VBox(10, step, bar, buttons);
        box.setPadding(new Insets(14));
        box.setPrefWidth(380);
        stage.setScene(new Scene(box));
        task.setOnSucceeded(e -> stage.close());
        task.setOnCancelled(e -> stage.close());
        task.setOnFailed(e -> {
            stage.close();
            Throwable t = task.getException();
            Alert alert = new Alert(Alert.AlertType.ERROR, "Could not write the review report:\n"
                    + (t == null ? "unknown error" : t.getMessage()));
            if (owner != null) {
                alert.initOwner(owner);
            }
            alert.show();
        });
        stage.show();
    }
}
