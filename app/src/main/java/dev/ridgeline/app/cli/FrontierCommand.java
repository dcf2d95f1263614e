package dev.ridgeline.app.cli;

import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.io.FrontierReports;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Headline;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.Serving;
import dev.ridgeline.engine.serve.Workload;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.app.explorer.tuning.ObjectiveText;
import dev.ridgeline.engine.space.Space;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ridgeline frontier}: every deployment of the scenario's model, chip, NIC, context and fidelity (DESIGN 4b:
 * each EP degree the model takes, both policies, KV and weight dtypes, MTP depth 0-3, promotion where it matters,
 * every batch from 1 to the largest that fits), the Pareto frontier of throughput per card against tokens/s per
 * user, and the best deployment at the target. The scenario's own EP, batch, policy, dtypes and MTP depth only
 * name the current point.
 */
@Command(name = "frontier", mixinStandardHelpOptions = true,
        description = "Every deployment of the scenario's model, chip, NIC and context, the Pareto frontier of tokens/s per card against tokens/s per user, and the best deployment at a target (with --objective cost or power, its $ per million output tokens or J per output token: the chip's price and power do not depend on the deployment, so the best deployment is the same).")
final class FrontierCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--target-tps", defaultValue = "20", description = "Tokens/s per user the best deployment must reach (default: ${DEFAULT-VALUE}).")
    double targetTps;

    @Option(names = "--space", defaultValue = "explorer",
            description = "explorer (every deployment, as above) or seed (seed 000's search space: EP 144 and 320, MTP 0-1, its five precisions, batch 16-128 by 8; the answer is search's best row for this chip and NIC) (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--format", defaultValue = "table",
            description = "table (the frontier and the answer), csv or json (every deployment, on_frontier marked) (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ObjectiveOption objective;

    @Mixin
    WorkloadOptions workload;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Formats.check("--format", format, "table", "csv", "json");
        Formats.check("--space", space, "explorer", "seed");
        Objective o = objective.objective();
        if (!(targetTps > 0) || Double.isInfinite(targetTps)) {
            throw new IllegalArgumentException("--target-tps: bad value " + targetTps + " (must be > 0)");
        }
        Scenario s = scenario.resolve(UserCatalog.load(spec.commandLine().getErr()));
        Engine engine = Engines.builtIn();
        Frontier.Result r = space.equalsIgnoreCase("seed") ? seed(engine, s, targetTps)
                : compute(engine, Space.explorer(s), targetTps);
        PrintWriter out = spec.commandLine().getOut();
        // the served objective: the workload's output per card over both pools at the target, the pools re-sized
        Served served = o == Objective.SERVED ? AllCores.run((pool, threads) -> Serving.size(engine, s,
                workload.workload(Workload.DEFAULT, false, targetTps), pool, threads, () -> false)) : null;
        if (format.equalsIgnoreCase("csv")) {
            out.print(FrontierReports.csv(r));
        } else if (format.equalsIgnoreCase("json")) {
            out.print(served != null ? FrontierReports.json(r, o, served.servedPerCard())
                    : FrontierReports.json(r, o, dev.ridgeline.engine.evidence.FrontierBands.of(engine, r)));
        } else {
            table(out, r, engine.evaluate(s), o);
            if (served != null) {
                out.println();
                out.println("served, " + served.workload().summary() + ": " + (served instanceof Served.Unmet
                        ? "not served: " + ((Served.Unmet) served).reason() : String.format(Locale.ROOT,
                        "%,.0f output tokens/s per card over prefill and decode cards (%s; ridgeline serve gives the "
                        + "pools)", served.servedPerCard(), ((Served.Sized) served).better() == Served.Mode.COLOCATED
                        ? "co-located" : "disaggregated")));
            }
        }
        out.flush();
        return RidgelineCommand.OK;
    }

    /** The frontier of {@code space}, swept on every core. */
    static Frontier.Result compute(Engine engine, Space space, double target) {
        return AllCores.run((pool, threads) -> Frontier.compute(engine, space, target, pool, threads, () -> false, p -> { }));
    }

    /**
     * Seed 000's space: its points and frontier, and the answer over its own batches (16 to 128 by 8), which is what
     * {@code search} keeps ({@link Frontier#compute} answers over every batch that fits).
     */
    static Frontier.Result seed(Engine engine, Scenario s, double target) {
        Frontier.Result r = compute(engine, Space.seed(s), target);
        return new Frontier.Result(r.space(), r.points(), r.frontier(), target, Headline.best(engine, r.space(), target),
                false);
    }

    static void table(PrintWriter out, Frontier.Result r, Evaluation current) {
        table(out, r, current, Objective.THROUGHPUT);
    }

    /** The table; a cost or power objective adds the best deployment's figure, the price or power it rests on and a column. */
    static void table(PrintWriter out, Frontier.Result r, Evaluation current, Objective o) {
        Scenario c = current.scenario();
        out.printf(Locale.ROOT, "%s / %s / %s / L%d / FA3 %s / %s: %,d deployments, %d on the frontier%n",
                c.model().name(), c.chip().name(), c.nic().name(), c.contextTokens(), c.fa3Mode().label(),
                c.fidelity().label(), r.points().size(), r.frontier().size());
        Headline.Answer a = r.answer();
        if (a == null) {
            out.printf(Locale.ROOT, "no deployment reaches %.2f tokens/s per user%n", r.targetTps());
        } else {
            Scenario d = a.deployment();
            out.printf(Locale.ROOT, "best at >= %.2f tokens/s per user: %.1f tokens/s per card (%.0f per node) at %.2f tokens/s per user%n",
                    r.targetTps(), a.throughputPerCard(), a.throughputPerNode(), a.userTokensPerSec());
            out.printf(Locale.ROOT, "  %s EP %d, batch %d, KV %s, weights %s, MTP %d%s%n", d.policy().label(), d.ep(),
                    d.batchPerCard(), d.kvDtype().label(), d.weightDtype().label(), d.mtpDepth(), d.promotion() ? ", promotion" : "");
            if (!o.perCard()) {
                out.println("  " + (o.available(d.chip()) ? ObjectiveText.score(o, o.score(d.chip(), a.throughputPerCard()))
                        : ObjectiveText.missing(o, d.chip())) + "; " + (o == Objective.COST ? d.chip().cost().priceNote()
                        : d.chip().cost().powerNote()));
                out.println("  " + dev.ridgeline.engine.TokenCost.BASIS);
            }
        }
        if (current.fit().fits()) {
            out.printf(Locale.ROOT, "current (EP %d, batch %d, %s): %.1f tokens/s per card at %.2f tokens/s per user%s%n",
                    c.ep(), c.batchPerCard(), c.policy().label(), current.throughputPerCard(), current.userTokensPerSec(),
                    current.userTokensPerSec() < r.targetTps() ? ", below the target" : a == null ? ""
                            : String.format(Locale.ROOT, ", %.1f%% of the best", 100 * current.throughputPerCard() / a.throughputPerCard()));
        }
        out.println();
        out.println("frontier, ascending tokens/s per user; one row per stretch of one deployment (its batches):");
        boolean figure = !o.perCard() && o.available(r.space().configurations().get(0).chip());
        out.printf(Locale.ROOT, "%-11s %4s %3s %3s %-5s %3s %11s %17s %19s%s%n", "policy", "EP", "KV", "W", "promo", "MTP",
                "batch", "user tps", "tps/card", figure ? String.format(Locale.ROOT, " %21s", o.unit()) : "");
        List<Frontier.Point> line = r.frontier();
        int start = 0;
        for (int i = 1; i <= line.size(); i++) {
            if (i == line.size() || line.get(i).configuration() != line.get(start).configuration()) {
                Frontier.Point first = line.get(start);
                Frontier.Point last = line.get(i - 1);
                Scenario d = r.configuration(first);
                out.printf(Locale.ROOT, "%-11s %4d %3d %3d %-5s %3d %11s %17s %19s%s%n", d.policy().label(), d.ep(),
                        d.kvDtype().bytes(), d.weightDtype().bytes(), d.promotion(), d.mtpDepth(),
                        range("%d", first.batch(), last.batch()), range("%.2f", first.userTokensPerSec(), last.userTokensPerSec()),
                        range("%.1f", first.throughputPerCard(), last.throughputPerCard()),
                        figure ? String.format(Locale.ROOT, " %21s", range(o == Objective.COST ? "%.4f" : "%.3f",
                                o.figure(o.score(d.chip(), first.throughputPerCard())),
                                o.figure(o.score(d.chip(), last.throughputPerCard())))) : "");
                start = i;
            }
        }
    }

    private static String range(String format, Object from, Object to) {
        String a = String.format(Locale.ROOT, format, from);
        String b = String.format(Locale.ROOT, format, to);
        return a.equals(b) ? a : a + "-" + b;
    }
}
