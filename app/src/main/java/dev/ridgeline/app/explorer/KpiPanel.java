package dev.ridgeline.app.explorer;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.Tips;
import dev.ridgeline.app.Comparison;
import dev.ridgeline.app.Comparison.Metric;
import dev.ridgeline.app.Units;
import dev.ridgeline.app.explorer.charts.Palette;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.app.explorer.tuning.ObjectiveText;
import dev.ridgeline.engine.ReadingsInForce;
import dev.ridgeline.engine.evidence.Band;
import dev.ridgeline.engine.evidence.Bands;
import dev.ridgeline.engine.TokenCost;
import dev.ridgeline.engine.model.CardCost;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.space.Objective;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * KPI tiles: tokens/s per user, card and node, TPOT, layer time, the batch limit, the dominant bound, C/B; then
 * whatever the window puts right below them (the HBM bar); then dollars per million output tokens and joules per output
 * token (with the price and power they rest on); then the fidelity and its readings, the tallest tile.
 */
public final class KpiPanel extends VBox {
    private final Label userTokens = tile("userTokens");
    private final Label perCard = tile("perCard");
    private final Label perNode = tile("perNode");
    private final Label tpot = tile("tpot");
    private final Label layer = tile("layerTime");
    private final Label maxBatch = tile("maxBatch");
    private final Label bound = tile("bound");
    private final Label balance = tile("balance");
    private final Label fidelity = tile("fidelity");
    private final Label dollars = tile("dollarsPerMtok");
    private final Label joules = tile("joulesPerToken");
    private final Label priceNote = note("priceNote");
    private final Label powerNote = note("powerNote");
    /** The cost tiles' tooltips, which follow the chip's price and power (made when the pointer first enters them). */
    private final javafx.beans.property.StringProperty priceTip = new javafx.beans.property.SimpleStringProperty(this, "priceTip", "");
    private final javafx.beans.property.StringProperty powerTip = new javafx.beans.property.SimpleStringProperty(this, "powerTip", "");
    private final Label readings = new Label();
    private final GridPane grid = new GridPane();
    /** The tiles whose figure is compared with a pinned A, and each one's "vs A" line, made when A is first pinned. */
    private final Map<Metric, VBox> comparedTiles = new EnumMap<>(Metric.class);
    private final Map<Metric, Label> deltas = new EnumMap<>(Metric.class);
    /** P10-P90 under the headline figures (calibrated fidelity): user tokens/s, TPOT, per card, per node. */
    private final Label userTokensBand = bandLabel("userTokens");
    private final Label tpotBand = bandLabel("tpot");
    private final Label perCardBand = bandLabel("perCard");
    private final Label perNodeBand = bandLabel("perNode");

    public KpiPanel() {
        Names.name(this, "kpis");
        getStyleClass().add("kpi-panel");
        grid.setHgap(6);
        grid.setVgap(6);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        String bandTip = " In brackets, calibrated fidelity's P10-P90: the calibration's held-out residuals per kernel "
                + "family, widened the further the chip, NIC, dtype or shape lie from what was measured.";
        add(0, 0, "User tokens/s", userTokens, "Tokens one user sees per second, counting accepted MTP tokens." + bandTip, Metric.USER_TOKENS);
        add(1, 0, "TPOT", tpot, "Time per output step: layer time times the number of layers." + bandTip, Metric.TPOT);
        add(0, 1, "Tokens/s per card", perCard, "Decode throughput of one card." + bandTip, Metric.PER_CARD);
        add(1, 1, "Tokens/s per node", perNode, "Decode throughput of a node of 8 cards." + bandTip, Metric.PER_NODE);
        attach(userTokensBand, userTokens);
        attach(tpotBand, tpot);
        attach(perCardBand, perCard);
        attach(perNodeBand, perNode);
        add(0, 2, "Layer time", layer, "Time of one MoE layer of one decode step, from the pipeline schedule.", Metric.LAYER_TIME);
        add(1, 2, "Max batch that fits", maxBatch, "The largest batch per card whose KV cache fits in HBM.", Metric.MAX_BATCH);
        add(0, 3, "Dominant bound", bound, "The bound whose ops take the most time per layer.");
        add(1, 3, "C/B (TFLOPS per GB/s)", balance, "Chip FP8 FLOP/s per byte/s of the EP link (scale-up inside its domain, else the NIC) against the model's 2d threshold: at or below it, communication hides behind the experts (seed 002).");
        add(0, COST_ROW, "$ per M output tokens", dollars, "", Metric.DOLLARS_PER_MTOK);
        add(1, COST_ROW, "J per output token", joules, "", Metric.JOULES_PER_TOKEN);
        tileOf(dollars).getChildren().add(2, priceNote);
        tileOf(joules).getChildren().add(2, powerNote);
        Tips.follow(tileOf(dollars), priceTip);
        Tips.follow(tileOf(joules), powerTip);
        add(0, FIDELITY_ROW, "Fidelity", fidelity, "Calibrated (the default) times each kernel at its published measured efficiency; seed 000, as published, reproduces the blog post's model. * marks figures used beyond what was measured (see the op table's Basis column).");
        GridPane.setColumnSpan(grid.getChildren().get(grid.getChildren().size() - 1), 2);
        Names.name(readings, "readings");
        readings.getStyleClass().add("kpi-readings");
        readings.setWrapText(true);
        ((VBox) grid.getChildren().get(grid.getChildren().size() - 1)).getChildren().add(readings);
        getChildren().add(grid);
        setSpacing(8);
    }

    private static final int BELOW_TILES_ROW = 4;
    private static final int COST_ROW = 5;
    private static final int FIDELITY_ROW = 6;

    /**
     * Puts {@code node} right below the headline tiles, above the fidelity tile: where a 1366 × 768 window still
     * shows it whole without scrolling.
     */
    public void setBelowTiles(javafx.scene.Node node) {
        grid.getChildren().removeIf(n -> Integer.valueOf(BELOW_TILES_ROW).equals(GridPane.getRowIndex(n)));
        grid.add(node, 0, BELOW_TILES_ROW, 2, 1);
    }

    /** Shows {@code e} without bands (seed fidelity has none). */
    public void show(Evaluation e, Evaluation a) {
        show(e, a, null);
    }

    /**
     * Shows {@code e} with its P10-P90 {@code bands} under the headline figures (none in seed fidelity); with a pinned
     * {@code a}, each headline tile also says how it moved against A.
     */
    public void show(Evaluation e, Evaluation a, Bands bands) {
        showValues(e);
        showBand(userTokensBand, bands == null ? null : bands.userTokensPerSec(), Units::tokensBand);
        showBand(tpotBand, bands == null ? null : bands.tpotSec(), Units::timeBand);
        showBand(perCardBand, bands == null ? null : bands.throughputPerCard(), Units::tokensBand);
        showBand(perNodeBand, bands == null ? null : bands.throughputPerNode(), Units::tokensBand);
        if (a == null) {
            deltas.values().forEach(label -> label.setVisible(false));
            return;
        }
        if (deltas.isEmpty()) {
            comparedTiles.forEach((metric, tile) -> deltas.put(metric, delta(tile)));
        }
        deltas.forEach((metric, label) -> {
            Comparison.Change c = Comparison.change(metric, a, e);
            label.setText(c.text());
            // a paint, not a style class: no CSS pass per edit
            label.setTextFill(c.verdict() > 0 ? Palette.fx(Palette.NETWORK) : c.verdict() < 0 ? Palette.fx(Palette.CRITICAL)
                    : Palette.fx(Palette.MUTED));
            label.setVisible(true);
        });
    }

    /**
     * What the served switch shows for the scenario on screen: its served output tokens/s per card, decode cards per
     * prefill card and TTFT; or, when it is not served, why ({@code perCard} NaN); null while its pools are sized.
     */
    public record Served(double perCard, double decodePerPrefill, double ttftSec, String why) {
    }

    /**
     * The served switch (issue 20): on, the per-card and per-node tiles show the Served view's workload's output
     * tokens/s over its prefill and decode cards ({@code served}; null while the prefill pools are being sized), with
     * decode cards per prefill card and TTFT under them; off, their titles say decode again (their figures are
     * {@link #show}'s).
     */
    public void showServed(boolean on, Served served) {
        title(perCard).setText(on ? "Served tokens/s per card" : "Tokens/s per card");
        title(perNode).setText(on ? "Served tokens/s per node" : "Tokens/s per node");
        if (!on) {
            return;
        }
        if (!deltas.isEmpty()) {
            deltas.get(Metric.PER_CARD).setVisible(false);
            deltas.get(Metric.PER_NODE).setVisible(false);
        }
        perNodeBand.setVisible(false);
        perCardBand.setVisible(true);
        if (served != null && served.perCard() > 0) {
            perCard.setText(Units.tokens(served.perCard()));
            perNode.setText(Units.tokens(served.perCard() * Evaluation.CARDS_PER_NODE));
            perCardBand.setText("(D:P " + Units.fixed(served.decodePerPrefill(), 2) + ", TTFT "
                    + (served.ttftSec() >= 1 ? Units.fixed(served.ttftSec(), 2) + " s" : Units.time(served.ttftSec())) + ")");
            return;
        }
        perCard.setText(served == null ? "…" : "not served");
        perNode.setText(served == null ? "…" : "not served");
        perCardBand.setText(served == null ? "(sizing the prefill pool)" : Checks.shorten(served.why(), 48));
    }

    private static Label title(Label value) {
        return (Label) tileOf(value).getChildren().get(0);
    }

    private static VBox tileOf(Label value) {
        return (VBox) value.getParent();
    }

    /**
     * Dollars per million output tokens and joules per output token, each with the price or power it rests on (its
     * source and date in the note and the tooltip), or what is missing.
     */
    private void showCost(Evaluation e) {
        TokenCost t = e.tokenCost();
        CardCost c = t.cost();
        dollars.setText(t.dollarsPerMillionOutputTokens().isPresent()
                ? ObjectiveText.number(Objective.COST, t.dollarsPerMillionOutputTokens().getAsDouble()) : "no price");
        joules.setText(t.joulesPerOutputToken().isPresent()
                ? ObjectiveText.number(Objective.POWER, t.joulesPerOutputToken().getAsDouble()) : "no power");
        setIfChanged(priceNote, c.priced() ? String.format(java.util.Locale.ROOT, "at $%.2f/card-h", c.dollarsPerHour())
                + (c.asOf().isEmpty() ? "" : " as of " + c.asOf()) + ": " + Checks.shorten(c.priceSource(), 36)
                : "set a price under Price & power in the chip editor");
        setIfChanged(powerNote, c.powered() ? String.format(java.util.Locale.ROOT, "%,.0f tokens/s per kW at %.2f kW "
                + "all-in: ", t.outputTokensPerSecPerKw().getAsDouble(), c.allInKw()) + Checks.shorten(c.powerSource(), 30)
                : "set a power under Price & power in the chip editor");
        priceTip.set("Dollars per million output tokens: price / (tokens/s per card x 3600 / 1e6). "
                + TokenCost.BASIS + ". Price: " + c.priceNote());
        powerTip.set("Joules per output token: all-in power / tokens/s per card, the card drawing its all-in power "
                + "the whole time (no load model). " + TokenCost.BASIS + ". Power: " + c.powerNote());
    }

    private static void setIfChanged(Label l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    private static Label note(String id) {
        Label l = new Label();
        Names.name(l, id);
        l.getStyleClass().add("kpi-note");
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private void showValues(Evaluation e) {
        showCost(e);
        userTokens.setText(Units.tokens(e.userTokensPerSec()));
        perCard.setText(Units.tokens(e.throughputPerCard()));
        perNode.setText(Units.tokens(e.throughputPerNode()));
        tpot.setText(Units.time(e.tpotSec()));
        layer.setText(Units.time(e.layerTimeSec()));
        maxBatch.setText(String.valueOf(e.maxBatch()));
        bound.setText(e.dominantBound().label());
        // a paint, not an inline style: a new style string is parsed and the label styled again at each edit (the
        // stylesheet leaves tile values the theme's label colour, which a paint set here overrides)
        bound.setTextFill(Palette.fx(Palette.of(e.dominantBound())));
        balance.setText(Units.fixed(e.balance().tflopsPerGBps(), 2)
                + (e.balance().communicationHidden() ? " ≤ " : " > ") + Units.fixed(e.balance().thresholdTflopsPerGBps(), 2));
        fidelity.setText(e.scenario().fidelity().label() + (e.extrapolated() ? ", extrapolated *" : ""));
        String text = String.join("\n", ReadingsInForce.of(e.scenario()));
        if (!text.equals(readings.getText())) {
            readings.setText(text);
        }
        fidelity.getStyleClass().remove("warning");
        if (e.extrapolated()) {
            fidelity.getStyleClass().add("warning");
        }
    }

    /** A band under its figure, "(2,341–3,033)"; hidden without one. */
    private static void showBand(Label label, Band b, BandFormat format) {
        label.setVisible(b != null);
        if (b != null) {
            label.setText(format.apply(b.low(), b.high()));
        }
    }

    private interface BandFormat {
        String apply(double low, double high);
    }

    /** The band label of a tile ("(2,341–3,033)"), by name suffix, for tests; empty when hidden. */
    public String band(String id) {
        Label l = (Label) Names.find(this, id + "Band");
        return l.isVisible() ? l.getText() : "";
    }

    /** The value label of a tile, by name suffix, for tests. */
    public String value(String id) {
        return ((Label) Names.find(this, id + "Value")).getText();
    }

    private void add(int col, int row, String title, Label value, String tip, Metric metric) {
        add(col, row, title, value, tip);
        comparedTiles.put(metric, (VBox) grid.getChildren().get(grid.getChildren().size() - 1));
    }

    /**
     * A tile's "vs A" line, last in the tile; made when A is first pinned (hidden, it would still be styled and laid
     * out in every frame before that).
     */
    private static Label delta(VBox tile) {
        Label delta = new Label();
        Names.name(delta, Names.of(tile).replace("Tile", "Delta"));
        delta.getStyleClass().add("kpi-delta");
        delta.managedProperty().bind(delta.visibleProperty());
        tile.getChildren().add(delta);
        return delta;
    }

    private void add(int col, int row, String title, Label value, String tip) {
        Label name = new Label(title);
        Names.name(name, Names.of(value).replace("Value", "Title"));
        name.getStyleClass().add("kpi-title");
        VBox box = new VBox(0, name, value);
        box.getStyleClass().add("kpi-tile");
        Names.name(box, Names.of(value).replace("Value", "Tile"));
        if (!tip.isEmpty()) {
            Tips.install(box, tip);
        }
        grid.add(box, col, row);
    }

    /** Puts a band label right under its tile's value. */
    private void attach(Label band, Label value) {
        VBox box = (VBox) value.getParent();
        box.getChildren().add(box.getChildren().indexOf(value) + 1, band);
    }

    private static Label bandLabel(String id) {
        Label l = new Label();
        Names.name(l, id + "Band");
        l.getStyleClass().add("kpi-band");
        l.setVisible(false);
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static Label tile(String id) {
        Label l = new Label("–");
        Names.name(l, id + "Value");
        l.getStyleClass().add("kpi-value");
        return l;
    }
}
