package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.ExpertDtype;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;
import java.util.List;

/**
 * What a fidelity's plan decides, for everyone who reads it: the plans themselves ({@link SeedPlan},
 * {@link CalibratedPlan}) take their chip reading, expert slots and promotion rule from here, and the evaluation,
 * the report, the design space, the bands and the window ask here instead of branching on the fidelity (issue 19,
 * item 5; the engine's ArchitectureTest and the app's AppArchitectureTest keep it so). Obtained without calibration
 * data through {@link Plan#rules(Scenario)} or {@link Plan#rules(dev.ridgeline.engine.model.Fidelity)}, or from a
 * prepared plan ({@link Plan#rules()}); stateless and thread-safe.
 */
public interface FidelityRules {
    /** The chip's HBM capacity as this fidelity reads it, bytes (seed 000 reads the datasheet's GB as GiB). */
    double memoryBytes(Chip chip);

    /** The chip's HBM bandwidth as this fidelity reads it, bytes/s (seed 000 reads GB/s as GiB/s). */
    double hbmBytesPerSec(Chip chip);

    /** True when the datasheet's GB are read as GiB (seed 000); the report then says so beside the capacity. */
    boolean readsGbAsGib();

    /**
     * Routed-expert slots each card holds, redundant copies included: {@code ceil(routedExperts / EP)} in seed 000,
     * {@code ceil((routedExperts + redundant) / EP)} under EPLB in calibrated fidelity.
     */
    int expertSlots(ModelConfig model, Deployment d);

    /** True when {@link #expertSlots} counts EPLB's redundant copies (calibrated, with EPLB and redundant experts). */
    boolean countsRedundantCopies(Deployment d);

    /** True when DeepGEMM's promotion discount applies to this chip's FP8 expert GEMMs when enabled (seed 000 only). */
    boolean promotionMatters(Chip chip);

    /**
     * True when the scenario's assumptions (memory reserve, kernel gap, host overhead) enter the figures
     * (calibrated); seed 000 has none of them, so the window disables their fields there.
     */
    boolean appliesAssumptions();

    /** True when the fidelity models tensor-parallel layouts (attention TP, MoE TP x EP) and the balancer (EPLB). */
    boolean modelsLayoutsAndBalance();

    /**
     * The expert dtypes the explorer sweeps from the scenario's: FP8 alone in seed 000; the scenario's, and NVFP4 on a
     * chip with FP4 tensor cores, in calibrated fidelity.
     */
    List<ExpertDtype> explorerExpertDtypes(Scenario base);

    /** True when the fidelity also costs the norms, the router, the dense layers, the LM head and MTP. */
    boolean costsWorkOutsideTheExperts();

    /** True when the figures carry P10-P90 bands from the calibration's held-out residuals (calibrated only). */
    boolean banded();

    /** What the fidelity rests on, as a clause after its name: "(seed 000's model as published, ...)". */
    String basis();

    /**
     * The readings the scenario's figures are computed under, one line each, for the window and reports: seed
     * fidelity reads the post as it was written (divide-by-q throughput, every expert over all pairs, GB read as
     * GiB); calibrated fidelity is physical and adds its assumptions (docs/validation.md).
     */
    List<String> readingsInForce(Scenario s);
}
