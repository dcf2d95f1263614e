package dev.ridgeline.app.cli;

import dev.ridgeline.app.explorer.tuning.ObjectiveText;
import dev.ridgeline.engine.model.CardCost;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.RateMatch;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.ServedCost;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.serve.Ttft;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code serve}'s table: the workload, both pools, their match, TTFT and TPOT, what a token costs, the co-located
 * alternative.
 */
final class ServeTable {
    private ServeTable() {
    }

    static void print(PrintWriter out, Scenario base, Served r, RateMatch.Pools pools) {
        print(out, base, r, pools, Objective.THROUGHPUT);
    }

    static void print(PrintWriter out, Scenario base, Served r, RateMatch.Pools pools, Objective o) {
        out.printf(Locale.ROOT, "%s / %s / %s / %s: %s%n", base.model().name(), base.chip().name(), base.nic().name(),
                base.fidelity().label(), r.workload().summary());
        if (r instanceof Served.Unmet) {
            out.println("not served: " + ((Served.Unmet) r).reason());
            return;
        }
        Served.Sized s = (Served.Sized) r;
        if (!o.perCard()) {
            Chip chip = s.decode().deployment().chip();
            out.printf(Locale.ROOT, "served %-12s %s over both pools%s%n", o.unit(),
                    ObjectiveText.score(o, o.score(chip, s.outputPerCard())), s.colocated() == null ? ""
                            : "; co-located " + ObjectiveText.number(o, o.figure(o.score(chip,
                            s.colocated().figures().outputPerCard()))));
        }
        out.printf(Locale.ROOT, "served output       %10.1f tokens/s per card over both pools (%s is better%s)%n",
                s.outputPerCard(), s.better() == Served.Mode.COLOCATED ? "co-located" : "disaggregated",
                s.colocated() == null ? "; co-located meets no limit" : String.format(Locale.ROOT, "; co-located %.1f",
                        s.colocated().figures().outputPerCard()));
        out.printf(Locale.ROOT, "decode : prefill    %10.3f cards per card%n", s.decodePerPrefill());
        Ttft t = s.ttft();
        out.printf(Locale.ROOT, "TTFT                %10.3f s = %.3f s prefill + %.4f s KV transfer + %.3f s wait "
                + "(M/D/1 at load %.2f)%n", t.totalSec(), t.prefillSec(), t.transferSec(), t.queueSec(),
                r.workload().prefillLoad());
        out.printf(Locale.ROOT, "TPOT                %10.2f ms (%.1f tokens/s per user)%n", s.tpotSec() * 1e3,
                s.decode().userTokensPerSec());
        Scenario p = s.prefill().deployment();
        out.printf(Locale.ROOT, "prefill pool        %s, chunk %d: %.0f new tokens/s per card, step %.3f s; %.0f input "
                + "tokens/s per card at its load%n", deployment(p), s.prefill().chunkTokens(),
                s.prefill().tokensPerSecPerCard(), s.prefill().stepSec(), s.inputPerPrefillCard());
        Scenario d = s.decode().deployment();
        out.printf(Locale.ROOT, "decode pool         %s, batch %d, MTP %d: %.0f tokens/s per card%n", deployment(d),
                d.batchPerCard(), d.mtpDepth(), s.decode().throughputPerCard());
        out.printf(Locale.ROOT, "KV per request      %10.1f MB from prefill to decode%n", s.kvBytesPerRequest() / 1e6);
        cost(out, s);
        if (s.colocated() != null) {
            Served.Together c = s.colocated();
            out.printf(Locale.ROOT, "co-located          %s, batch %d, MTP %d: %.0f tokens/s per card, %.1f per user, "
                    + "TTFT %.3f s, %.0f prompt tokens a step%n", deployment(c.deployment()), c.deployment().batchPerCard(),
                    c.deployment().mtpDepth(), c.figures().outputPerCard(), c.figures().userTokensPerSec(),
                    c.figures().ttft().totalSec(), c.figures().chunkTokens());
        }
        if (pools != null) {
            out.printf(Locale.ROOT, "pools               %d prefill cards (%d nodes) + %d decode cards (%d nodes) serve "
                    + "%.1f requests/s%n", pools.prefillCards(), pools.prefillNodes(), pools.decodeCards(),
                    pools.decodeNodes(), pools.requestsPerSec());
        }
    }

    /** Dollars per million input, output and blended tokens, joules per output token, and the price and power used. */
    private static void cost(PrintWriter out, Served.Sized s) {
        CardCost card = s.decode().deployment().chip().cost();
        ServedCost c = ServedCost.of(card, s);
        if (card.priced()) {
            out.printf(Locale.ROOT, "$/M input tokens    %10.4f (prefill pool; prompt tokens, cache hits included)%n",
                    c.dollarsPerMillionInputTokens().getAsDouble());
            out.printf(Locale.ROOT, "$/M output tokens   %10.4f (decode pool); %.4f over both pools%n",
                    c.dollarsPerMillionOutputTokens().getAsDouble(), c.dollarsPerMillionServedOutputTokens().getAsDouble());
            out.printf(Locale.ROOT, "$/M tokens blended  %10.4f (%d in + %d out a request, $%.3g a request)%n",
                    c.dollarsPerMillionTokensBlended().getAsDouble(), s.workload().inputTokens(),
                    s.workload().outputTokens(), c.dollarsPerRequest().getAsDouble());
        } else {
            out.println("$/M tokens            none: the chip has no price (--chip-field 'Price=...')");
        }
        if (card.powered()) {
            out.printf(Locale.ROOT, "J/output token      %10.3f (decode pool); %.3f over both pools; %.4f J per input token%n",
                    c.joulesPerOutputToken().getAsDouble(), c.joulesPerServedOutputToken().getAsDouble(),
                    c.joulesPerInputToken().getAsDouble());
        } else {
            out.println("J/output token        none: the chip has no power (--chip-field 'Power=...')");
        }
        out.println("price               " + card.priceNote());
        out.println("power               " + card.powerNote());
        out.println("cost counts         " + ServedCost.BASIS);
    }

    private static String deployment(Scenario s) {
        return "EP " + s.ep() + (s.attentionTp() > 1 ? ", attention TP " + s.attentionTp() : "")
                + (s.moeTp() > 1 ? ", MoE TP " + s.moeTp() : "") + ", " + s.policy().label() + ", W "
                + s.weightDtype().label() + ", KV " + s.kvDtype().label();
    }
}
