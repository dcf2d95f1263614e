package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.present;

import java.util.function.UnaryOperator;
import java.util.Objects;

/**
 * One design point: the model, the hardware, the deployment, the number formats, the readings and the
 * assumptions, each a small record that means one thing. Immutable; change a group with {@link #with} and a
 * field with the group's copy method ({@code s.with(s.deployment().withBatch(64))}), or with the shortcuts below.
 */
public record Scenario(ModelConfig model, Hardware hardware, Deployment deployment, Numerics numerics,
                       Readings readings, Assumptions assumptions) {

    public static final int MAX_BATCH = Deployment.MAX_BATCH;
    public static final int MAX_EP = Deployment.MAX_EP;
    public static final int MAX_CONTEXT = Deployment.MAX_CONTEXT;
    public static final int MAX_MTP = Deployment.MAX_MTP;
    /** Default context of seed 000: 5K tokens. */
    public static final int SEED_CONTEXT = 5 * 1024;
    /** Seed 000's FlashAttention chunk, {@code fa_chunk = 512 * 8}. */
    public static final int SEED_FA_CHUNK = 512 * 8;
    /** Acceptance of one MTP token, from the DeepSeek-V3 technical report, as seed 000 uses it. */
    public static final double SEED_MTP_ACCEPTANCE = 0.85;
    /** Lowest manual GEMM efficiency: 1 % of the roofline (anything lower is a typo, and 1e-320 makes time infinite). */
    public static final double MIN_GEMM_EFFICIENCY = Numerics.MIN_GEMM_EFFICIENCY;

    public Scenario {
        String owner = "scenario";
        present(model, "model", owner);
        present(hardware, "hardware", owner);
        present(deployment, "deployment", owner);
        present(numerics, "numerics", owner);
        present(readings, "readings", owner);
        present(assumptions, "assumptions", owner);
        int ep = deployment.ep();
        if (ep > 2 * model.routedExperts()) {
            throw Checks.refused("ep", ep, owner, "must be <= " + 2 * model.routedExperts() + ", twice the "
                    + model.routedExperts() + " routed experts of " + Checks.quote(model.name())
                    + " (cards beyond one per expert hold redundant copies)");
        }
        if (deployment.mtpDepth() > 0 && model.mtpModules() == 0) {
            throw Checks.refused("mtpDepth", deployment.mtpDepth(), owner, "must be 0: " + Checks.quote(model.name())
                    + " has no MTP module");
        }
        Layouts.check(model, hardware.chip(), deployment, numerics, readings.fidelity());
    }

    /**
     * Seed 000's defaults: EP144 (at most twice the model's routed experts), B 64, 5K context, no MTP, BF16 KV and
     * weights, dual micro-batch.
     */
    public static Scenario defaults(ModelConfig model, Chip chip, Nic nic) {
        return new Scenario(model, new Hardware(chip, nic),
                new Deployment(64, Math.min(144, 2 * model.routedExperts()), SEED_CONTEXT, 0, SEED_MTP_ACCEPTANCE, Policy.DUAL_MICRO_BATCH),
                new Numerics(Dtype.BF16, Dtype.BF16, Fa3Setting.CHIP_DEFAULT, false, 0.0),
                new Readings(Fidelity.SEED, ThroughputReading.SEED_DIVIDES_BY_Q, SEED_FA_CHUNK, ExpertLoad.FULL),
                Assumptions.DEFAULTS);
    }

    /** This scenario with its hardware replaced. */
    public Scenario with(Hardware v) {
        return new Scenario(model, v, deployment, numerics, readings, assumptions);
    }

    /** This scenario with its deployment replaced. */
    public Scenario with(Deployment v) {
        return new Scenario(model, hardware, v, numerics, readings, assumptions);
    }

    /** This scenario with its number formats replaced. */
    public Scenario with(Numerics v) {
        return new Scenario(model, hardware, deployment, v, readings, assumptions);
    }

    /** This scenario with its readings replaced. */
    public Scenario with(Readings v) {
        return new Scenario(model, hardware, deployment, numerics, v, assumptions);
    }

    /** This scenario with its assumptions replaced. */
    public Scenario with(Assumptions v) {
        return new Scenario(model, hardware, deployment, numerics, readings, v);
    }

    /** This scenario with its deployment changed by {@code edit}. */
    public Scenario withDeployment(UnaryOperator<Deployment> edit) {
        return with(edit.apply(deployment));
    }

    /** This scenario with its number formats changed by {@code edit}. */
    public Scenario withNumerics(UnaryOperator<Numerics> edit) {
        return with(edit.apply(numerics));
    }

    /** This scenario with its readings changed by {@code edit}. */
    public Scenario withReadings(UnaryOperator<Readings> edit) {
        return with(edit.apply(readings));
    }

    /** This scenario with its assumptions changed by {@code edit}. */
    public Scenario withAssumptions(UnaryOperator<Assumptions> edit) {
        return with(edit.apply(assumptions));
    }

    public Chip chip() {
        return hardware.chip();
    }

    public Nic nic() {
        return hardware.nic();
    }

    public int batchPerCard() {
        return deployment.batchPerCard();
    }

    public int ep() {
        return deployment.ep();
    }

    public int contextTokens() {
        return deployment.contextTokens();
    }

    public int mtpDepth() {
        return deployment.mtpDepth();
    }

    public double mtpAcceptance() {
        return deployment.mtpAcceptance();
    }

    public Policy policy() {
        return deployment.policy();
    }

    public Dtype kvDtype() {
        return numerics.kvDtype();
    }

    public Dtype weightDtype() {
        return numerics.weightDtype();
    }

    public ExpertDtype expertDtype() {
        return numerics.expertDtype();
    }

    public int attentionTp() {
        return deployment.attentionTp();
    }

    public int moeTp() {
        return deployment.moeTp();
    }

    public boolean eplb() {
        return deployment.eplb();
    }

    public int redundantExperts() {
        return deployment.redundantExperts();
    }

    public boolean localPeersOverScaleUp() {
        return deployment.localPeersOverScaleUp();
    }

    public Fa3Setting fa3() {
        return numerics.fa3();
    }

    public boolean promotion() {
        return numerics.promotion();
    }

    public double gemmEfficiency() {
        return numerics.gemmEfficiency();
    }

    public Fidelity fidelity() {
        return readings.fidelity();
    }

    public ThroughputReading throughputReading() {
        return readings.throughputReading();
    }

    public int faChunkTokens() {
        return readings.faChunkTokens();
    }

    public ExpertLoad expertLoad() {
        return readings.expertLoad();
    }

    /** Tokens per sequence per decode step, q = 1 + mtpDepth. */
    public int tokensPerStep() {
        return 1 + deployment.mtpDepth();
    }

    /** The scenario's effective FA3 mode. */
    public Fa3Mode fa3Mode() {
        return fa3().resolve(chip());
    }

    public Scenario withModel(ModelConfig v) {
        return new Scenario(v, hardware, deployment, numerics, readings, assumptions);
    }

    public Scenario withChip(Chip v) {
        return with(hardware.withChip(v));
    }

    public Scenario withNic(Nic v) {
        return with(hardware.withNic(v));
    }

    public Scenario withBatch(int v) {
        return with(deployment.withBatch(v));
    }

    public Scenario withEp(int v) {
        return with(deployment.withEp(v));
    }

    public Scenario withContext(int v) {
        return with(deployment.withContext(v));
    }

    public Scenario withMtp(int depth, double acceptance) {
        return with(deployment.withMtp(depth, acceptance));
    }

    public Scenario withPolicy(Policy v) {
        return with(deployment.withPolicy(v));
    }

    public Scenario withKvDtype(Dtype v) {
        return with(numerics.withKvDtype(v));
    }

    /** The non-expert weights' dtype; the routed experts keep theirs ({@link #withExpertDtype}). */
    public Scenario withWeightDtype(Dtype v) {
        return with(numerics.withWeightDtype(v));
    }

    public Scenario withExpertDtype(ExpertDtype v) {
        return with(numerics.withExpertDtype(v));
    }

    /** This scenario with attention TP {@code attention} and expert TP {@code moe}. */
    public Scenario withLayout(int attention, int moe) {
        return with(deployment.withAttentionTp(attention).withMoeTp(moe));
    }

    /**
     * This scenario with EP {@code ep}, attention TP {@code attention} and expert TP {@code moe} set together (they
     * constrain each other: attention groups are whole among the {@code ep × moe} cards).
     */
    public Scenario withLayout(int ep, int attention, int moe) {
        return with(deployment.withEp(ep).withAttentionTp(attention).withMoeTp(moe));
    }

    public Scenario withEplb(boolean v) {
        return with(deployment.withEplb(v));
    }

    public Scenario withRedundantExperts(int v) {
        return with(deployment.withRedundantExperts(v));
    }

    public Scenario withLocalPeersOverScaleUp(boolean v) {
        return with(deployment.withLocalPeersOverScaleUp(v));
    }

    public Scenario withFa3(Fa3Setting v) {
        return with(numerics.withFa3(v));
    }

    public Scenario withPromotion(boolean v) {
        return with(numerics.withPromotion(v));
    }

    public Scenario withGemmEfficiency(double v) {
        return with(numerics.withGemmEfficiency(v));
    }

    public Scenario withFidelity(Fidelity v) {
        return with(readings.withFidelity(v));
    }

    public Scenario withThroughputReading(ThroughputReading v) {
        return with(readings.withThroughputReading(v));
    }

    public Scenario withFaChunk(int v) {
        return with(readings.withFaChunk(v));
    }

    public Scenario withExpertLoad(ExpertLoad v) {
        return with(readings.withExpertLoad(v));
    }

    /**
     * One line for footers and logs: "DeepSeek-V3 / H800 / CX7 / EP144 / B128 / L5120 / KV FP8 / W FP8 / dual-mbatch /
     * MTP0 ..."; a layout or expert dtype other than seed 000's adds "attn TP8 / MoE TP4 / experts NVFP4", a balancer
     * other than DeepSeek's (EPLB, 32 redundant experts) "no EPLB" or "EPLB 64 redundant", EP traffic to local peers
     * over the NIC "EP all over NIC" (calibrated fidelity only: seed fidelity ignores them).
     */
    public String summary() {
        boolean calibrated = fidelity() == Fidelity.CALIBRATED;
        return model.name() + " / " + chip().name() + " / " + nic().name() + " / EP" + ep() + " / B" + batchPerCard()
                + " / L" + contextTokens() + " / KV " + kvDtype().label() + " / W " + weightDtype().label()
                + (expertDtype() != ExpertDtype.FP8 ? " / experts " + expertDtype().label() : "")
                + (attentionTp() > 1 ? " / attn TP" + attentionTp() : "") + (moeTp() > 1 ? " / MoE TP" + moeTp() : "")
                + " / " + policy().label() + " / MTP" + mtpDepth() + (promotion() ? " / promotion" : "")
                + (!calibrated ? "" : !eplb() ? " / no EPLB"
                        : redundantExperts() != Deployment.DEFAULT_REDUNDANT_EXPERTS ? " / EPLB " + redundantExperts()
                        + " redundant" : "")
                + (calibrated && !localPeersOverScaleUp() ? " / EP all over NIC" : "")
                + " / FA3 " + fa3Mode().label() + " / " + fidelity().label();
    }

    /**
     * The record's own equality (references by {@code Objects.equals}, doubles by {@code Double.compare}), written
     * out here and in {@link ModelConfig}, {@link Chip}, {@link Nic} and {@code Evaluation}: a generated one is linked
     * at its first call through {@code ObjectMethods}, which spins method-handle classes in the interpreter (about 70
     * for these five, and the compiler then compiles the class spinner), and a JDK 17 class-data archive cannot keep
     * them. JavaFX's change listeners compare each new value with the last, so every window start paid it (decision
     * 0011). {@code hashCode} stays generated; {@code RecordEqualsTest} holds each to the record's contract.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Scenario s && Objects.equals(model, s.model)
                && Objects.equals(hardware, s.hardware) && Objects.equals(deployment, s.deployment)
                && Objects.equals(numerics, s.numerics) && Objects.equals(readings, s.readings)
                && Objects.equals(assumptions, s.assumptions);
    }
}
