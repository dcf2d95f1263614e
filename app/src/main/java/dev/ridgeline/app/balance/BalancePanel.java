package dev.ridgeline.app.balance;

import dev.ridgeline.engine.Balance;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Chip;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Seed 002's computation/communication balance for the current chip, model and EP link: chip FLOP/s over the link's
 * bytes/s against the model's threshold {@code 6·d / (dispatch + combine bytes)} for several message precisions.
 */
public final class BalancePanel extends VBox {
    private static final int ROWS = Balance.PRECISIONS.size();

    private final Label ratio = new Label();
    private final Label link = new Label();
    private final GridPane thresholds = new GridPane();
    private final Label[] thresholdLabels = new Label[ROWS];
    private final Label[] verdicts = new Label[ROWS];

    public BalancePanel(ObservableValue<Evaluation> evaluation) {
        setId("balancePanel");
        setSpacing(4);
        setPadding(new Insets(6));
        ratio.setId("balanceRatio");
        ratio.getStyleClass().add("kpi-value");
        thresholds.setHgap(10);
        thresholds.setVgap(2);
        Tooltip.install(this, new Tooltip("C/B <= 2d (DeepSeek-V4 report, seed 002): a token-expert pair costs 6·h·d "
                + "FLOPs and moves h·(dispatch + combine) bytes; below the threshold communication can hide behind compute."));
        for (int i = 0; i < ROWS; i++) {
            thresholdLabels[i] = new Label();
            verdicts[i] = new Label();
            thresholds.addRow(i, new Label(Balance.PRECISIONS.get(i).messages()), thresholdLabels[i], verdicts[i]);
        }
        getChildren().addAll(new Label("C/B balance (FP8 compute over EP link)"), ratio, link, thresholds);
        evaluation.addListener((obs, old, now) -> show(now));
        show(evaluation.getValue());
    }

    void show(Evaluation e) {
        if (e == null) {
            return;
        }
        Chip chip = e.scenario().chip();
        double linkBytes = e.balance().linkBytesPerSec();
        ratio.setText(String.format(Locale.ROOT, "%.2f TFLOPS per GB/s", e.balance().tflopsPerGBps()));
        link.setText(String.format(Locale.ROOT, "%s at %.0f GB/s (EP %d)", chip.scaleUpCovers(e.scenario().ep())
                ? "scale-up link" : e.scenario().nic().name() + " NIC", linkBytes / 1e9, e.scenario().ep()));
        // labels are updated in place: a redraw re-renders texts instead of rebuilding the grid
        for (int i = 0; i < ROWS; i++) {
            Balance.Threshold t = e.balance().byPrecision().get(i);
            boolean hidden = e.balance().hiddenAt(t);
            thresholdLabels[i].setText(String.format(Locale.ROOT, "threshold %.2f", t.thresholdTflopsPerGBps()));
            verdicts[i].setText(hidden ? "hides" : "link-bound");
            String verdict = hidden ? "ok" : "warning";
            if (!verdicts[i].getStyleClass().contains(verdict)) { // a class change costs a CSS pass: only when it flips
                verdicts[i].getStyleClass().setAll("label", verdict);
            }
        }
    }
}
