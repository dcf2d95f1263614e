package dev.ridgeline.app.cli;

import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.RateMatch;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.Ttft;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code serve}'s table: the workload, both pools, their match, TTFT and TPOT, the co-located alternative. */
final class ServeTable {
    private ServeTable() {
    }

    static void print(PrintWriter out, Scenario base, Served r, RateMatch.Pools pools) {
        out.printf(Locale.ROOT, "%s / %s / %s / %s: %s%n", base.model().name(), base.chip().name(), base.nic().name(),
                base.fidelity().label(), r.workload().summary());
        if (r instanceof Served.Unmet) {
            out.println("not served: " + ((Served.Unmet) r).reason());
            return;
        }
        Served.Sized s = (Served.Sized) r;
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

    private static String deployment(Scenario s) {
        return "EP " + s.ep() + (s.attentionTp() > 1 ? ", attention TP " + s.attentionTp() : "")
                + (s.moeTp() > 1 ? ", MoE TP " + s.moeTp() : "") + ", " + s.policy().label() + ", W "
                + s.weightDtype().label() + ", KV " + s.kvDtype().label();
    }
}
