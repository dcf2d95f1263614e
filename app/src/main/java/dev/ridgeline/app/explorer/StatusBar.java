package dev.ridgeline.app.explorer;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.Tips;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The explorer's status bar: a line for the contrast between the fidelities (always there, so the charts above never
 * jump when it appears), then the scenario summary, a standing notice and the model's error.
 */
final class StatusBar extends VBox {
    private final Label summary = new Label();
    private final Label notice = new Label();
    private final Subscription contrastSubscription;

    StatusBar(ExplorerModel model) {
        super(1);
        Names.name(summary, "summaryLabel");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.errorProperty());
        Names.name(notice, "noticeLabel");
        notice.getStyleClass().add("error-text");
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setVisible(false);
        HBox status = new HBox(12, summary, spacer, notice, error);
        status.setAlignment(Pos.CENTER_LEFT);
        // one line always there, empty while the fidelities agree: the charts above never jump when it appears
        Label contrast = new Label(" ");
        Names.name(contrast, "contrastLabel");
        contrast.getStyleClass().add("contrast-text");
        contrast.setMinHeight(Region.USE_PREF_SIZE);
        contrastSubscription = model.contrastProperty().subscribe(text -> contrast.setText(text.isEmpty() ? " " : text));
        // the whole sentence as a tooltip once the pointer comes (a tooltip is a popup window with its own scene)
        Tips.followWhileSet(contrast, model.contrastProperty());
        getChildren().addAll(contrast, status);
        getStyleClass().add("status-bar");
    }

    void setSummary(String text) {
        summary.setText(text);
    }

    /** The scenario summary and, with A pinned, what differs from A. */
    String summary() {
        return summary.getText();
    }

    /** A standing notice: its first line shown, the whole text the tooltip; an empty text hides it. */
    void setNotice(String text) {
        notice.setText(text.lines().findFirst().orElse(""));
        notice.setTooltip(text.isEmpty() ? null : new Tooltip(text));
        notice.setVisible(!text.isEmpty());
    }

    void dispose() {
        contrastSubscription.unsubscribe();
    }
}
