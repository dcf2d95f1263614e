package dev.ridgeline.app.explorer.served;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.StrictNumbers;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.serve.Workload;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Workload panel (DESIGN 4c): input and output length, prefix-cache hit, TTFT limit, the user's speed, the
 * prefill chunk and load. Enter or leaving a field commits it through the {@link Workload} record; a refusal is shown
 * under the field in the record's words (naming the field and the value) and the last good workload stays.
 */
public final class WorkloadPanel extends VBox {
    private final ObjectProperty<Workload> workload;
    private final Label message = new Label();

    public WorkloadPanel(ObjectProperty<Workload> workload) {
        super(4);
        this.workload = workload;
        Names.name(this, "workloadPanel");
        Names.name(message, "workloadMessage");
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        FlowPane fields = new FlowPane(14, 6,
                field("islField", "Input", "tokens", "Prompt length, cache hits included.",
                        w -> (double) w.inputTokens(), (w, v) -> w.withInputTokens(whole("Input", v))),
                field("oslField", "Output", "tokens", "Tokens generated per request.",
                        w -> (double) w.outputTokens(), (w, v) -> w.withOutputTokens(whole("Output", v))),
                field("cacheHitField", "Cache hit", "%", "Share of the prompt found in the prefix cache: no prefill "
                        + "compute, still attended to.", w -> w.cacheHit() * 100, (w, v) -> w.withCacheHit(v / 100)),
                field("ttftField", "TTFT limit", "s", "Time to first token promised, queueing included; 0 = none.",
                        Workload::ttftLimitSec, Workload::withTtftLimit),
                field("userField", "User speed", "tokens/s", "Decode speed each user is promised (1 / TPOT).",
                        Workload::userTokensPerSec, Workload::withUserTokensPerSec),
                field("chunkField", "Chunk", "tokens", "Prefill tokens per card per step, the largest the pool runs.",
                        w -> (double) w.chunkTokens(), (w, v) -> w.withChunkTokens(whole("Chunk", v))),
                field("loadField", "Prefill load", "", "Utilisation the prefill pool is sized for; sets the M/D/1 wait.",
                        Workload::prefillLoad, Workload::withPrefillLoad));
        getChildren().addAll(fields, message);
    }

    private static int whole(String name, double v) {
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number of tokens, was " + Checks.number(v));
        }
        return (int) v;
    }

    private HBox field(String id, String title, String unit, String tip, Function<Workload, Double> get,
                       BiFunction<Workload, Double, Workload> set) {
        TextField f = new TextField();
        Names.name(f, id);
        f.setPrefColumnCount(5);
        f.setAlignment(Pos.CENTER_RIGHT);
        f.setTooltip(new Tooltip(tip));
        Label name = new Label(title);
        name.setLabelFor(f);
        Label u = new Label(unit);
        u.getStyleClass().add("muted-text");
        Runnable show = () -> f.setText(Checks.number(get.apply(workload.get())));
        workload.addListener((obs, old, now) -> show.run());
        show.run();
        Runnable commit = () -> {
            try {
                double v = StrictNumbers.decimal(f.getText().strip());
                Workload next = set.apply(workload.get(), v);
                message.setVisible(false);
                workload.set(next);
            } catch (IllegalArgumentException e) {
                message.setText(title + ": " + e.getMessage());
                message.setVisible(true);
            }
            show.run();
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        HBox row = new HBox(5, name, f, u);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
