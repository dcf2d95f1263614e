package dev.ridgeline.app.cli;

import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.io.ServeReports;
import dev.ridgeline.engine.model.FieldId;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.RateMatch;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.Serving;
import dev.ridgeline.engine.serve.Workload;
import dev.ridgeline.engine.space.Objective;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ridgeline serve}: a workload served by disaggregated prefill and decode pools of the scenario's model, chip,
 * NIC and fidelity (DESIGN 4c): the best deployment of each pool, their rate match, TTFT and TPOT, the co-located
 * alternative, and for a request rate or a card budget the cards and nodes of each pool. The scenario's own
 * deployment is not used: both pools are re-optimised.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Size prefill and decode pools for a workload: the best deployment of each, the decode:prefill card ratio, served output tokens/s per card, TTFT and TPOT, the co-located alternative, and what a token costs ($ per million input, output and blended tokens, J per output token) at the chip's price and power. With --objective cost or power the headline is the served $ per million output tokens or J per output token over both pools.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--target-tps", description = "Decode speed a user is promised, tokens/s (default 20).")
    Double targetTps;

    @Option(names = "--tpot-limit", paramLabel = "S", description = "The decode promise as a time per output token, seconds (instead of --target-tps).")
    Double tpotLimit;

    @Option(names = "--request-rate", description = "Requests per second to size both pools for (cards and nodes of each).")
    Double requestRate;

    @Option(names = "--cards", description = "A card budget to split between the pools (instead of --request-rate).")
    Integer cards;

    @Mixin
    ObjectiveOption objective;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Formats.check("--format", format, "table", "json", "csv");
        if (targetTps != null && tpotLimit != null) {
            throw new IllegalArgumentException("--target-tps and --tpot-limit: give one of them (a TPOT limit T is a "
                    + "speed of 1/T tokens/s)");
        }
        if (tpotLimit != null && (!(tpotLimit > 0) || tpotLimit > 1000)) {
            throw new IllegalArgumentException("--tpot-limit must be in (0, 1000] s, was " + tpotLimit);
        }
        Workload w = workload.workload(Workload.of(1, 1), true, tpotLimit != null ? 1 / tpotLimit
                : targetTps != null ? targetTps : Workload.DEFAULT_USER_TOKENS_PER_SEC);
        if (requestRate != null && cards != null) {
            throw new IllegalArgumentException("--request-rate and --cards: give one of them");
        }
        if (requestRate != null && (!(requestRate > 0) || requestRate > 1e9)) {
            throw new IllegalArgumentException("--request-rate must be in (0, 1e9] requests/s, was " + requestRate);
        }
        if (cards != null && (cards < 1)) {
            throw new IllegalArgumentException("--cards must be >= 1, was " + cards);
        }
        Objective o = objective.objective();
        Scenario s = scenario.resolve(UserCatalog.load(spec.commandLine().getErr()));
        if (!o.available(s.chip())) {
            throw new IllegalArgumentException(ObjectiveOption.FLAG + " " + o.label() + ": " + o.missing(s.chip())
                    + " (give one with --chip-field '" + (o == Objective.COST ? FieldId.PRICE : FieldId.POWER).label() + "=...')");
        }
        Served r = AllCores.run((pool, threads) -> Serving.size(Engines.builtIn(), s, w, pool, threads, () -> false));
        RateMatch.Pools pools = null;
        if (r instanceof Served.Sized) {
            Served.Sized z = (Served.Sized) r;
            pools = requestRate != null ? z.forRequestRate(requestRate) : cards != null ? budget(z, cards) : null;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            out.print(ServeReports.servedJson(r, pools, o));
        } else if (format.equalsIgnoreCase("csv")) {
            out.print(ServeReports.servedCsv(r));
        } else {
            ServeTable.print(out, s, r, pools, o);
        }
        out.flush();
        return RidgelineCommand.OK;
    }

    private static RateMatch.Pools budget(Served.Sized z, int cards) {
        RateMatch.Pools p = z.forCardBudget(cards);
        if (p == null) {
            throw new IllegalArgumentException("--cards " + cards + " holds no prefill unit of "
                    + Math.max(z.prefill().deployment().deployment().moeCards(), z.prefill().deployment().attentionTp())
                    + " cards beside a decode unit of " + Math.max(z.decode().deployment().deployment().moeCards(),
                    z.decode().deployment().attentionTp()) + " cards");
        }
        return p;
    }
}
