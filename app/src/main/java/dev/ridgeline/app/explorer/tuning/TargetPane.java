package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.Names;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.Solve;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Target side tab: a target (tokens/s per user at least X, and the objective's goal: throughput per card or per
 * node at least Y, dollars per million output tokens or joules per output token at most Y) and, for each field alone
 * (the price and power too, on the cost and power objectives), the value that reaches it against the current one
 * ("HBM bandwidth 4,100 GB/s, +14 %") or "not reachable by this field alone" with what stops it.
 */
public final class TargetPane extends VBox {
    private final TargetModel model;
    private final Label now = new Label();
    private final VBox rows = new VBox(4);

    TargetPane(TargetModel model, TuningInputs inputs) {
        super(6);
        this.model = model;
        Names.name(this, "targetPane");
        setMinWidth(0);
        setPadding(new Insets(6));
        NumberField tps = new NumberField("targetTps", "Reach ≥", "tokens/s per user",
                "Every deployment considered must give each user at least this many tokens/s.",
                inputs.targetTpsProperty(), 0, 1e6, v -> v, v -> v);
        NumberField throughput = new NumberField("targetThroughput", "and ≥", "tokens/s per",
                "Throughput the best deployment must reach.", inputs.minThroughputProperty(), 0, 1e9, v -> v, v -> v);
        ChoiceBox<String> per = new ChoiceBox<>();
        Names.name(per, "targetPer");
        per.getItems().addAll("card", "node");
        per.setTooltip(new Tooltip("Per card, or per node of " + Evaluation.CARDS_PER_NODE + " cards."));
        per.setValue(inputs.perNodeProperty().get() ? "node" : "card");
        per.valueProperty().addListener((obs, old, v) -> inputs.perNodeProperty().set("node".equals(v)));
        inputs.perNodeProperty().addListener((obs, old, v) -> per.setValue(v ? "node" : "card"));
        javafx.scene.layout.HBox perRow = new javafx.scene.layout.HBox(6, throughput, per);
        NumberField cost = new NumberField("targetCost", "and ≤ $", "per million output tokens",
                "Dollars per million output tokens the best deployment must reach (from the chip's price; decode only).",
                inputs.maxCostProperty(), 0, 1e6, v -> v, v -> v);
        NumberField energy = new NumberField("targetEnergy", "and ≤", "J per output token",
                "Joules per output token the best deployment must reach (from the chip's all-in power).",
                inputs.maxEnergyProperty(), 0, 1e6, v -> v, v -> v);
        Runnable goal = () -> {
            Objective o = inputs.objectiveProperty().get();
            show(perRow, o.perCard());
            show(cost, o == Objective.COST);
            show(energy, o == Objective.POWER);
        };
        inputs.objectiveProperty().addListener(x -> goal.run());
        goal.run();
        javafx.scene.layout.HBox objectiveRow = new javafx.scene.layout.HBox(6, new Label("Objective: tokens/s"),
                ObjectiveChoice.create("targetObjective", inputs.objectiveProperty()));
        objectiveRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox controls = new VBox(2, objectiveRow, tps, perRow, cost, energy);
        Names.name(now, "targetNow");
        wrapped(now);
        Names.name(rows, "targetAnswers");
        ScrollPane scroll = new ScrollPane(new VBox(6, now, rows));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(controls, new JobBar("target", model.job(), model::cancel), scroll);
        model.job().resultProperty().addListener((obs, old, a) -> show(a));
    }

    private static void show(javafx.scene.Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    private void show(TargetModel.Answers a) {
        if (a == null) {
            return;
        }
        now.setText(nowText(a) + (a.headline() > 0 ? " Each field alone, deployment re-optimised:" : " Each field alone:"));
        List<javafx.scene.Node> nodes = new java.util.ArrayList<>();
        for (Solve.Answer answer : a.answers()) {
            if (answer == null) {
                continue;
            }
            nodes.add(row(answer));
        }
        rows.getChildren().setAll(nodes);
    }

    /** "Now: 3,864 tokens/s per card at ≥ 20 tokens/s per user (short by +3.5 %)." or why there is no figure. */
    static String nowText(TargetModel.Answers a) {
        Solve.Target t = a.target();
        Objective o = t.objective();
        String at = " at ≥ " + Checks.number(t.minUserTps()) + " tokens/s per user";
        if (!o.available(a.scenario().chip())) {
            return "Now: " + ObjectiveText.missing(o, a.scenario().chip()) + ". Only its price or power can reach the goal.";
        }
        if (a.headline() <= 0) {
            return "Now no deployment reaches " + Checks.number(t.minUserTps()) + " tokens/s per user.";
        }
        if (o.perCard()) {
            String unit = (o == Objective.SERVED ? "served output tokens/s per " : "tokens/s per ") + (t.perNode() ? "node" : "card");
            double nowShown = t.perNode() ? a.headline() * Evaluation.CARDS_PER_NODE : a.headline();
            return "Now: " + TuningText.tokens(nowShown) + " " + unit + at + " (" + (nowShown >= t.goal()
                    ? "reached" : "short by " + TuningText.percent(t.goal() / nowShown - 1)) + ").";
        }
        double figure = o.figure(a.headline());
        return "Now: " + ObjectiveText.figure(o, figure) + at + " (" + (figure <= t.goal() ? "reached"
                : TuningText.percent(figure / t.goal() - 1) + " over the goal") + "; "
                + (o == Objective.COST ? a.scenario().chip().cost().priceNote() : a.scenario().chip().cost().powerNote())
                + ").";
    }

    private static VBox row(Solve.Answer a) {
        Label line = new Label(a.required() == null ? a.field().name() + ": not reachable by this field alone"
                : TuningText.answer(a));
        wrapped(line);
        line.getStyleClass().add(a.required() == null ? "answer-unreachable" : "answer-reached");
        VBox row = new VBox(line);
        Names.name(row, "answer-" + a.field().name().replace(' ', '-'));
        if (a.required() == null) {
            String why = a.reason().replaceFirst("^not reachable by this field alone: ", "");
            Label reason = new Label(why);
            wrapped(reason);
            reason.getStyleClass().add("muted-text");
            row.getChildren().add(reason);
        } else {
            Tooltip.install(row, new Tooltip("Now " + TuningText.withUnit(a.field(), a.current()) + "; " + a.reason() + "."));
        }
        return row;
    }

    private static void wrapped(Label l) {
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    /** The answers on display, or null before the first. */
    public List<Solve.Answer> answers() {
        return model.job().getResult() == null ? null : model.job().getResult().answers();
    }

    /** The rows as shown, one per field: its text lines. */
    public List<List<String>> shownRows() {
        return rows.getChildren().stream().map(n -> ((VBox) n).getChildren().stream()
                .map(l -> ((Label) l).getText()).toList()).toList();
    }
}
