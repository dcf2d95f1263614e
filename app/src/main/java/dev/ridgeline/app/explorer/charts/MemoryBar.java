package dev.ridgeline.app.explorer.charts;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.Tips;
import dev.ridgeline.app.Units;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.memory.Fit;
import dev.ridgeline.engine.memory.MemoryBreakdown;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * HBM of one card as a stacked bar: non-expert weights, local experts, KV cache, reserve, free. When the batch does
 * not fit, the free part becomes a red "missing" part and a message gives the bytes missing and the largest batch.
 */
public final class MemoryBar extends VBox {
    private static final String[] PARTS = {"weights", "experts", "kv", "reserve", "free"};
    private final GridPane bar = new GridPane();
    private final Region[] segments = new Region[PARTS.length];
    private final Label legend = new Label();
    private final Label message = new Label();

    public MemoryBar() {
        Names.name(this, "memoryBar");
        getStyleClass().add("memory-bar");
        bar.getStyleClass().add("memory-track");
        bar.setMinHeight(18);
        bar.setPrefHeight(18);
        for (int i = 0; i < PARTS.length; i++) {
            segments[i] = new Region();
            segments[i].getStyleClass().addAll("memory-segment", "memory-" + PARTS[i]);
            segments[i].setMinHeight(18);
            segments[i].setMinWidth(0);
            bar.add(segments[i], i, 0);
            bar.getColumnConstraints().add(new ColumnConstraints());
        }
        Tips.install(bar, ("HBM of one card: non-expert weights, local experts, KV cache, reserve and what is left."));
        Label title = new Label("HBM per card");
        title.getStyleClass().add("kpi-title");
        legend.getStyleClass().add("memory-legend");
        legend.setWrapText(true);
        Names.name(message, "memoryMessage");
        message.getStyleClass().add("memory-message");
        message.setWrapText(true);
        message.setManaged(false);
        message.setVisible(false);
        getChildren().addAll(title, bar, legend, message);
        setSpacing(3);
    }

    public void show(Evaluation e) {
        MemoryBreakdown m = e.memory();
        double free = m.freeBytes();
        double[] parts = {m.nonExpertWeightBytes(), m.localExpertBytes(), m.kvCacheBytes(), m.reserveBytes(), Math.abs(free)};
        double total = 0;
        for (double p : parts) {
            total += p;
        }
        for (int i = 0; i < parts.length; i++) {
            bar.getColumnConstraints().get(i).setPercentWidth(total > 0 ? 100 * parts[i] / total : 0);
        }
        boolean oom = e.fit() instanceof Fit.OutOfMemory;
        // style classes change only when the fit changes: each change costs a CSS pass
        if (oom != isOutOfMemory()) {
            segments[4].getStyleClass().setAll("memory-segment", oom ? "memory-missing" : "memory-free");
            if (oom) {
                getStyleClass().add("oom");
            } else {
                getStyleClass().remove("oom");
            }
        }
        // seed fidelity keeps no reserve: the legend names only what is there
        legend.setText(String.format(Locale.ROOT, "weights %s · experts %s · KV %s%s · %s %s of %s",
                Units.bytes(m.nonExpertWeightBytes()), Units.bytes(m.localExpertBytes()), Units.bytes(m.kvCacheBytes()),
                m.reserveBytes() > 0 ? " · reserve " + Units.bytes(m.reserveBytes()) : "",
                oom ? "missing" : "free", Units.bytes(Math.abs(free)), Units.bytes(m.capacityBytes())));
        if (oom) {
            Fit.OutOfMemory o = (Fit.OutOfMemory) e.fit();
            message.setText(String.format(Locale.ROOT, "Out of memory: batch %d needs %s more; max batch %d.",
                    e.scenario().batchPerCard(), Units.bytes(o.missingBytes()), o.maxBatch()));
        } else {
            message.setText("");
        }
        message.setManaged(oom);
        message.setVisible(oom);
    }

    public boolean isOutOfMemory() {
        return getStyleClass().contains("oom");
    }

    public String message() {
        return message.getText();
    }
}
