package dev.ridgeline.engine.report;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.space.Frontier;
import dev.ridgeline.engine.space.Sensitivity;
import java.util.List;

/**
 * Everything the engine computed for one report, before any of it is written: the sections read from here, so the
 * executive summary can quote the sections that follow it.
 *
 * @param longContextCore the attention core at the longest context the engine takes (one sequence): its FLOPs per KV
 *                        byte are the limit of decode's intensity as the context grows; null without KV reads
 * @param bands           the evaluation's P10-P90 bands; null in seed fidelity
 * @param validation      the request's anchors checked; null without anchors
 * @param chips           the scenario's chip against the request's rivals, each at its best deployment at the target
 */
record Analyses(ReportRequest request, Evaluation evaluation, Evaluation pinned, LayerTotals layer, LayerTotals step,
                List<CommWindows.Window> comm, Frontier.Result frontier, Sensitivity.Result chipKnobs,
                Knobs.ModelGrid modelGrid, List<Exploration.Row> exploration, MemoryTable memory,
                List<Regimes.Phase> regimes, int promptLength, dev.ridgeline.engine.roofline.OpResult longContextCore,
                dev.ridgeline.engine.evidence.Bands bands, dev.ridgeline.engine.validation.Validation validation,
                dev.ridgeline.engine.space.ChipComparison.Result chips) {
}
