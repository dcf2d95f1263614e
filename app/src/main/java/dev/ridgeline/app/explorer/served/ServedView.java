package dev.ridgeline.app.explorer.served;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.explorer.charts.CanvasPane;
import dev.ridgeline.app.explorer.charts.Palette;
import dev.ridgeline.app.explorer.tuning.JobBar;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.app.explorer.tuning.ObjectiveText;
import dev.ridgeline.engine.model.CardCost;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.ServedCost;
import dev.ridgeline.engine.space.Objective;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.jfree.fx.FXGraphics2D;

/**
 * The Served view (DESIGN 4c, 7): the Workload panel over the served workload of the scenario on screen, drawn by
 * {@link ServedPainter}, sized in the background on every chip or scenario edit while shown.
 */
public final class ServedView extends VBox {
    private final ServedModel model;
    private final Pools pools = new Pools();
    private final List<Subscription> subscriptions = new ArrayList<>();

    public ServedView(ServedModel model, ObservableValue<Scenario> scenario) {
        super(6);
        this.model = model;
        Names.name(this, "servedView");
        getStyleClass().add("served-view");
        WorkloadPanel panel = new WorkloadPanel(model.workloadProperty());
        JobBar bar = new JobBar("served", model.job(), model.job()::cancel);
        VBox.setVgrow(pools, Priority.ALWAYS);
        Names.name(cost, "servedCost");
        cost.setWrapText(true);
        cost.setMaxWidth(Double.MAX_VALUE);
        cost.setMinHeight(Region.USE_PREF_SIZE);
        cost.setPadding(new javafx.geometry.Insets(0, 8, 0, 8));
        cost.setTooltip(costTip);
        getChildren().addAll(panel, pools, cost, bar);
        setMinSize(0, 0);
        subscriptions.add(scenario.subscribe(model::setScenario));
        subscriptions.add(model.job().resultProperty().subscribe(pools::show));
        subscriptions.add(model.job().resultProperty().subscribe(this::showCost));
    }

    private final Label cost = new Label();
    private final Tooltip costTip = new Tooltip();

    private void showCost(Served s) {
        cost.setText(costLine(s));
        costTip.setText(s instanceof Served.Sized ? ServedCost.BASIS + ". Price: "
                + ((Served.Sized) s).decode().deployment().chip().cost().priceNote() + ". Power: "
                + ((Served.Sized) s).decode().deployment().chip().cost().powerNote() : "");
    }

    /**
     * What a token of the sized service costs, in one line with the price and its date: "$0.151 per M input tokens ·
     * $0.144 per M output tokens · $0.149 per M tokens blended · 2.23 J per output token (both pools) · at $2.00 per
     * card-hour as of 2025-02-28"; empty when the workload is not served or not yet sized.
     */
    public static String costLine(Served s) {
        if (!(s instanceof Served.Sized)) {
            return "";
        }
        Served.Sized z = (Served.Sized) s;
        CardCost card = z.decode().deployment().chip().cost();
        ServedCost c = ServedCost.of(card, z);
        String dollars = card.priced() ? ObjectiveText.number(Objective.COST, c.dollarsPerMillionInputTokens().getAsDouble())
                + " per M input tokens · " + ObjectiveText.number(Objective.COST, c.dollarsPerMillionOutputTokens()
                .getAsDouble()) + " per M output tokens · " + ObjectiveText.number(Objective.COST,
                c.dollarsPerMillionTokensBlended().getAsDouble()) + " per M tokens blended"
                : "no price (set one under Price & power in the chip editor)";
        String joules = card.powered() ? ObjectiveText.number(Objective.POWER, c.joulesPerServedOutputToken().getAsDouble())
                + " per output token (both pools)" : "no power";
        String price = card.priced() ? String.format(java.util.Locale.ROOT, " · at $%.2f per card-hour%s",
                card.dollarsPerHour(), card.asOf().isEmpty() ? "" : " as of " + card.asOf()) : "";
        return dollars + " · " + joules + price;
    }

    public ServedModel model() {
        return model;
    }

    /** The pools as last drawn (tests). */
    public ServedPainter.Drawn drawn() {
        return pools.drawn;
    }

    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
        model.dispose();
    }

    /** The canvas the painter draws on. */
    private static final class Pools extends CanvasPane {
        private Served served;
        private ServedPainter.Drawn drawn;

        Pools() {
            Names.name(this, "servedPools");
            setMinSize(200, 200);
            setPrefSize(600, 360);
        }

        void show(Served s) {
            served = s;
            repaint();
        }

        @Override
        protected void paint(FXGraphics2D g2, Rectangle2D area) {
            if (served == null) {
                g2.setColor(java.awt.Color.WHITE);
                g2.fill(area);
                g2.setFont(Palette.LABEL);
                g2.setColor(Palette.MUTED);
                g2.drawString("Sizing the prefill and decode pools for this workload…", 14f, 28f);
                return;
            }
            drawn = ServedPainter.paint(g2, area, served);
        }
    }
}
