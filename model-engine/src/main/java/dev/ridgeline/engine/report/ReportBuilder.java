package dev.ridgeline.engine.report;

import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.PrefillEvaluation;
import dev.ridgeline.engine.evidence.Bands;
import dev.ridgeline.engine.validation.Validation;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.Serving;
import dev.ridgeline.engine.serve.Workload;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.space.ChipComparison;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.Sensitivity;
import dev.ridgeline.engine.space.Space;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Builds the design-review report of a scenario (seed 003, issue 14): runs every analysis on the engine, then writes
 * the sections in reading order. The slow parts (the design-space sweep, the knobs, the exploration) report progress
 * and stop when cancelled, throwing {@link java.util.concurrent.CancellationException}.
 */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    /** On the calling thread alone. */
    public static Report build(Engine engine, ReportRequest request, Progress progress) {
        return build(engine, request, progress, Runnable::run, 1);
    }

    /**
     * @param executor runs the design-space sweep on {@code threads} workers
     */
    public static Report build(Engine engine, ReportRequest request, Progress progress, Executor executor, int threads) {
        var s = request.scenario();
        progress.step("evaluating the scenario", 0.0);
        Evaluation e = engine.evaluate(s);
        Evaluation pinned = request.pinned() == null ? null : engine.evaluate(request.pinned());
        progress.check();
        progress.step("sweeping the design space", 0.05);
        Frontier.Result frontier = Frontier.compute(engine, Space.explorer(s), request.targetTokensPerSec(), executor,
                threads, progress::cancelled, f -> { });
        progress.check();
        progress.step("moving the chip knobs", 0.45);
        Sensitivity.Result chip = Sensitivity.compute(engine, s, request.targetTokensPerSec(), Sensitivity.DEFAULT_STEP,
                executor, threads, progress::cancelled, f -> { });
        progress.check();
        progress.step("comparing chips", 0.55);
        List<dev.ridgeline.engine.model.Chip> chips = new java.util.ArrayList<>();
        chips.add(s.chip());
        request.rivals().stream().filter(c -> !c.name().equals(s.chip().name())).forEach(chips::add);
        ChipComparison.Result compared = ChipComparison.compute(engine, s, chips, request.targetTokensPerSec(),
                Objective.COST, executor, threads, progress::cancelled, f -> { });
        progress.check();
        progress.step("moving the model knobs", 0.6);
        Knobs.ModelGrid model = Knobs.model(engine, s, progress);
        progress.step("exploring EP and context", 0.7);
        // on physical readings whatever the report's fidelity: calibrated reads the datasheet's SI figures and every key
        // of the context, where seed 000 reads GB as GiB and rounds the keys up to whole FlashMLA chunks (steps in L)
        Scenario physical = s.withFidelity(Fidelity.physical());
        List<Exploration.Row> exploration = Exploration.table(engine, physical, progress);
        progress.step("memory, regimes and communication", 0.9);
        MemoryTable memory = MemoryTable.of(engine, s);
        int prompt = s.contextTokens();
        double perPair = Messages.of(engine, s).perPair();
        List<Regimes.Phase> regimes = List.of(Regimes.training(e, prompt, Regimes.NAIVE, perPair),
                Regimes.training(e, prompt, Regimes.EFFICIENT, perPair), Regimes.prefill(e, prompt, Regimes.NAIVE, perPair),
                Regimes.prefill(e, prompt, Regimes.EFFICIENT, perPair));
        // at 4 M keys the core's FLOPs per KV byte are its own (the exploration's readings)
        OpResult core = engine.evaluate(physical.withContext(Deployment.MAX_CONTEXT).withBatch(1)).ops().stream()
                .filter(o -> o.kvBytes() > 0).findFirst().orElse(null);
        Validation validation = request.anchors().isEmpty() ? null : Validation.run(engine, request.anchors());
        Analyses a = new Analyses(request, e, pinned, LayerTotals.of(e.ops()), LayerTotals.of(e.stepOps()),
                CommWindows.of(e), frontier, chip, model, exploration, memory, regimes, prompt, core,
                Bands.of(engine.calibration(), e), validation, compared);
        progress.check();
        progress.step("sizing the served workload", 0.92);
        Served served = Serving.size(engine, s, request.workload(), executor, threads, progress::cancelled);
        progress.check();
        PrefillEvaluation prefill = served instanceof Served.Sized ? prefillStep(engine, (Served.Sized) served) : null;
        progress.step("writing", 0.95);
        Report r = write(a, engine, served, prefill);
        progress.step("done", 1.0);
        return r;
    }

    /** The prefill pool's step, evaluated op by op. */
    static PrefillEvaluation prefillStep(Engine engine, Served.Sized s) {
        Workload w = s.workload();
        return engine.evaluatePrefill(s.prefill().deployment(), new Prefill(w.inputTokens(), w.cacheHit(),
                s.prefill().chunkTokens()));
    }

    static Report write(Analyses a, Engine engine, Served served, PrefillEvaluation prefill) {
        DocBuilder d = new DocBuilder();
        Evaluation e = a.evaluation();
        IntroWriter.guide(d);
        IntroWriter.summary(d, a, engine);
        ModelWriter.fingerprint(d, e);
        ModelWriter.analytical(d, a);
        ModelWriter.figures(d, e);
        SpaceWriter.frontier(d, a, engine);
        SpaceWriter.sensitivity(d, a, engine);
        CostWriter.cost(d, a);
        CostWriter.chips(d, a);
        if (a.pinned() != null) {
            SpaceWriter.pinned(d, a);
        }
        PhaseWriter.regimes(d, a);
        PhaseWriter.exploration(d, a);
        PhaseWriter.memory(d, a);
        PhaseWriter.communication(d, a);
        ServedWriter.write(d, served, prefill);
        SourceWriter.write(d, a);
        if (a.validation() != null) {
            ValidationWriter.appendix(d, a.validation());
        }
        var s = e.scenario();
        return d.build("Design review: " + s.model().name() + " on " + s.chip().name() + " + " + s.nic().name(),
                s.summary());
    }
}
