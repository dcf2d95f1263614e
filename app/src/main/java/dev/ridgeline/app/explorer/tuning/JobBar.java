package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.Names;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * A job's progress and cancel button, shown only when the work has taken longer than a frame or two (so a 40 ms
 * sensitivity does not flash a bar), and its status line otherwise.
 */
public final class JobBar extends HBox {
    static final Duration SHOW_AFTER = Duration.millis(100);

    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final Label status = new Label();

    public JobBar(String id, Job<?> job, Runnable cancelAction) {
        super(6);
        Names.name(this, id + "Job");
        setAlignment(Pos.CENTER_LEFT);
        Names.name(bar, id + "Progress");
        bar.setPrefWidth(120);
        Names.name(cancel, id + "Cancel");
        cancel.setTooltip(new Tooltip("Stop this computation; the last result stays on screen."));
        cancel.setOnAction(e -> cancelAction.run());
        Names.name(status, id + "Status");
        status.getStyleClass().add("muted-text");
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        bar.progressProperty().bind(job.progressProperty());
        status.textProperty().bind(job.statusProperty());
        PauseTransition delay = new PauseTransition(SHOW_AFTER);
        delay.setOnFinished(e -> showWorking(job.runningProperty().get()));
        job.runningProperty().addListener((obs, was, now) -> {
            if (now) {
                delay.playFromStart();
            } else {
                delay.stop();
                showWorking(false);
            }
        });
        getChildren().addAll(bar, cancel, status);
        showWorking(false);
    }

    private void showWorking(boolean working) {
        for (javafx.scene.Node n : new javafx.scene.Node[] {bar, cancel}) {
            n.setVisible(working);
            n.setManaged(working);
        }
    }
}
