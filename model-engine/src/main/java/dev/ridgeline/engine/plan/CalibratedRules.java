package dev.ridgeline.engine.plan;

import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.ExpertPopularity;
import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.ExpertDtype;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Calibrated fidelity's decisions (DESIGN 3.8, 3.10, 4e): the rules {@link CalibratedPlan} is built on. */
final class CalibratedRules implements FidelityRules {
    static final CalibratedRules INSTANCE = new CalibratedRules();

    private CalibratedRules() {
    }

    @Override
    public double memoryBytes(Chip chip) {
        return chip.memoryBytes();
    }

    @Override
    public double hbmBytesPerSec(Chip chip) {
        return chip.hbmBandwidthBytesPerSec();
    }

    @Override
    public boolean readsGbAsGib() {
        return false;
    }

    /** {@code ceil((routedExperts + redundant) / ep)} under EPLB, else {@code ceil(routedExperts / ep)}. */
    @Override
    public int expertSlots(ModelConfig model, Deployment d) {
        return Calibration.expertSlotsPerCard(model.routedExperts(), d.ep(), d.redundantExperts(), d.eplb());
    }

    @Override
    public boolean countsRedundantCopies(Deployment d) {
        return d.eplb() && d.redundantExperts() > 0;
    }

    /** DeepGEMM's measured curves already hold its promotion: no discount on top. */
    @Override
    public boolean promotionMatters(Chip chip) {
        return false;
    }

    @Override
    public boolean appliesAssumptions() {
        return true;
    }

    @Override
    public boolean modelsLayoutsAndBalance() {
        return true;
    }

    @Override
    public List<ExpertDtype> explorerExpertDtypes(Scenario base) {
        ExpertDtype own = base.expertDtype();
        return base.chip().hasFp4() && !own.fp4() ? List.of(own, ExpertDtype.NVFP4) : List.of(own);
    }

    @Override
    public boolean costsWorkOutsideTheExperts() {
        return true;
    }

    @Override
    public boolean banded() {
        return true;
    }

    @Override
    public String basis() {
        return "per-op efficiencies from DeepGEMM, FlashMLA and DeepEP measurements; docs/validation.md";
    }

    @Override
    public List<String> readingsInForce(Scenario s) {
        List<String> out = new ArrayList<>();
        if (s.mtpDepth() > 0) {
            out.add("Throughput: B × user tokens/s (physical)");
        }
        out.add("Experts: each over its own tokens (physical)");
        out.add(String.format(Locale.ROOT, "Memory and HBM: datasheet (SI); reserve %.1f GB; kernel gap %.1f µs; "
                        + "host %.0f %% of the GPU step (assumed)", s.assumptions().memoryReserveBytes() / 1e9,
                s.assumptions().kernelGapSec() * 1e6, s.assumptions().hostOverheadFraction() * 100));
        int slots = expertSlots(s.model(), s.deployment());
        int nodes = ExpertPopularity.nodes(s.deployment().ep(), s.chip().scaleUpDomain());
        boolean byNode = ExpertPopularity.hierarchical(s.model().routedExperts(), s.deployment().ep(),
                s.model().expertGroups(), nodes);
        out.add("Balance: the hottest card sets each layer (expert popularity fitted to TensorRT-LLM's EPLB "
                + "measurement); " + (s.eplb() ? "EPLB with " + s.redundantExperts() + " redundant experts, " + slots
                + " expert slots per card" + (byNode ? ", hierarchical: " + s.model().expertGroups()
                + " expert groups packed onto " + nodes + " nodes, copies within each" : "")
                : "no EPLB: experts placed by id"));
        if (!s.chip().scaleUpCovers(s.deployment().moeCards())) {
            out.add(s.localPeersOverScaleUp()
                    ? "EP link: a node's peers over the scale-up link, the rest over the NIC (DeepEP since 2025-05-23)"
                    : "EP link: every peer but the card itself over the NIC (DeepEP's pure RDMA, before 2025-05-23)");
        }
        if (!s.deployment().dataParallel()) {
            out.add("Layout: attention TP" + s.attentionTp() + " (batch = sequences per group of " + s.attentionTp()
                    + " cards" + (s.model().attention() == AttentionKind.MLA
                    ? "; MLA's latent cache on every one" : "; KV split by head") + "), experts TP" + s.moeTp()
                    + " x EP" + s.ep());
        }
        return out;
    }
}
