package dev.ridgeline.app.cli;

import dev.ridgeline.app.Engines;
import dev.ridgeline.engine.PrefillEvaluation;
import dev.ridgeline.engine.io.ServeReports;
import dev.ridgeline.engine.model.FieldException;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.serve.Workload;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code evaluate --phase prefill}: one prefill step of the scenario's deployment, as a table, JSON or CSV of its ops. */
final class PrefillOutput {
    private PrefillOutput() {
    }

    static int run(EvaluateCommand c) {
        if (c.isl == null) {
            throw new IllegalArgumentException("--isl is required with --phase prefill (the prompt length, tokens)");
        }
        Prefill p;
        try {
            p = new Prefill(c.isl, c.cacheHit != null ? c.cacheHit : 0, c.chunk != null ? c.chunk : Workload.DEFAULT_CHUNK);
        } catch (FieldException e) {
            String flag = e.field().equals("inputTokens") ? "--isl" : e.field().equals("cacheHit") ? "--cache-hit" : "--chunk";
            throw new IllegalArgumentException(e.restate(flag, 1), e);
        }
        Scenario s = c.scenario.resolve(UserCatalog.load(c.spec.commandLine().getErr()));
        PrefillEvaluation e = Engines.builtIn().evaluatePrefill(s, p);
        PrintWriter out = c.spec.commandLine().getOut();
        if (c.format.equalsIgnoreCase("json")) {
            out.print(ServeReports.prefillJson(e));
        } else if (c.format.equalsIgnoreCase("csv")) {
            out.print(ServeReports.prefillOpsCsv(e));
        } else {
            table(out, e);
        }
        out.flush();
        return RidgelineCommand.OK;
    }

    static void table(PrintWriter out, PrefillEvaluation e) {
        Prefill p = e.prefill();
        out.println(e.scenario().summary());
        out.printf(Locale.ROOT, "prefill: prompts of %d tokens, %.0f %% cached, %d new tokens per card a step (%.2f prompts)%n",
                p.inputTokens(), p.cacheHit() * 100, p.chunkTokens(), p.sequencesPerStep());
        out.printf(Locale.ROOT, "%-28s %-9s %4s %12s %12s %10s %-8s%n", "op (per MoE layer)", "stage", "x", "FLOP", "bytes",
                "time ms", "bound");
        for (OpResult op : e.ops()) {
            row(out, op);
        }
        out.printf(Locale.ROOT, "%-28s%n", "op (per step, outside)");
        for (OpResult op : e.stepOps()) {
            row(out, op);
        }
        if (e.extrapolated()) {
            out.println("* calibrated beyond the measurements (another chip, shape or range); see ops' basis in --format json");
        }
        out.printf(Locale.ROOT, "layer time        %10.3f ms%n", e.layerTimeSec() * 1e3);
        out.printf(Locale.ROOT, "step              %10.3f s%n", e.stepSec());
        out.printf(Locale.ROOT, "prefill/card      %10.0f new tokens/s (%.0f with cache hits)%n", e.tokensPerSecPerCard(),
                e.inputTokensPerSecPerCard());
        out.printf(Locale.ROOT, "TTFT (one prompt) %10.3f s on an idle card (queueing: ridgeline serve)%n", e.ttftSec());
        out.printf(Locale.ROOT, "memory            %10.1f GB held of %.1f GB%s%n", e.heldBytes() / 1e9,
                e.memoryBytes() / 1e9, e.fits() ? "" : ": DOES NOT FIT");
    }

    private static void row(PrintWriter out, OpResult op) {
        out.printf(Locale.ROOT, "%-28s %-9s %4d %12.4g %12.4g %10.3f %-8s%n", op.name() + (op.extrapolated() ? " *" : ""),
                op.stage().label(), op.invocations(), op.flops(), op.totalBytes(), op.timeSec() * 1e3, op.bound().label());
    }
}
