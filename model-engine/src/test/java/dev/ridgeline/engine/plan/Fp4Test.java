package dev.ridgeline.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ExpertDtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.OpResult;
import org.junit.jupiter.api.Test;

/** FP4 routed experts (DESIGN 3.10, issue 18 item 3), hand-derived. */
class Fp4Test {
    /** DeepSeek-V3 on B200 (FP4 9,000 dense TFLOPS, FP8 4,500), EP8 without EPLB: 32 experts a card. */
    static Scenario b200() {
        return Fixtures.seed("B200", "CX7").withFidelity(Fidelity.CALIBRATED).withKvDtype(Dtype.FP8)
                .withWeightDtype(Dtype.FP8).withEp(8).withEplb(false).withMtp(0, 0.85).withPolicy(Policy.NAIVE);
    }

    @Test
    void fourBitFormatsCarryTheirBlockScales() {
        // NVFP4: 4-bit values in blocks of 16 with an FP8 scale: 0.5 + 1/16 = 0.5625 byte an element.
        // MXFP4: 4-bit values in blocks of 32 with an 8-bit exponent: 0.5 + 1/32 = 0.53125 byte.
        assertEquals(0.5625, ExpertDtype.NVFP4.bytesPerElement(), 0.0);
        assertEquals(0.53125, ExpertDtype.MXFP4.bytesPerElement(), 0.0);
        // One DeepSeek-V3 expert, 3 x 7168 x 2048 = 44,040,192 weights: 24,772,608 bytes in NVFP4.
        assertEquals(24_772_608.0, 3.0 * 7168 * 2048 * ExpertDtype.NVFP4.bytesPerElement(), 0.0);
    }

    @Test
    void fp4ExpertsShrinkTheCardsExpertMemory() {
        // 32 experts x 58 MoE layers x 24,772,608 bytes = 45,977,960,448 bytes (FP8: 81,738,596,352).
        Evaluation fp4 = Fixtures.BALANCED.evaluate(b200().withExpertDtype(ExpertDtype.NVFP4));
        assertEquals(45_977_960_448.0, fp4.memory().localExpertBytes(), 0.0);
        Evaluation fp8 = Fixtures.BALANCED.evaluate(b200());
        assertEquals(32.0 * 58 * 3 * 7168 * 2048, fp8.memory().localExpertBytes(), 0.0);
        assertTrue(fp4.maxBatch() > fp8.maxBatch());
    }

    @Test
    void fp4ExpertsRunAtTheFp4RateAsTheMeasuredKernelAndSayItIsExtrapolated() {
        // The same GEMM at large batch: the compute side at 9,000 instead of 4,500 TFLOPS takes half the time, and the
        // weights read are 0.5625 of a byte each instead of 1.
        Scenario big = b200().withBatch(256);
        OpResult fp8 = Fixtures.BALANCED.evaluate(big).op("Routed experts up");
        OpResult fp4 = Fixtures.BALANCED.evaluate(big.withExpertDtype(ExpertDtype.NVFP4)).op("Routed experts up");
        assertEquals(0.5, fp4.computeSec() / fp8.computeSec(), 1e-12);
        assertEquals(0.5625, fp4.weightBytes() / fp8.weightBytes(), 1e-12);
        assertTrue(fp4.extrapolated());
        // timed as TensorRT-LLM's NVFP4 MoE runs on a B300 (Fp4MoeFitTest), a chip in no catalogue
        assertTrue(fp4.basis().startsWith("NVFP4 at the chip's HBM and FP4 tensor rate"), fp4.basis());
        assertTrue(fp4.basis().contains("https://github.com/flashinfer-ai/flashinfer/pull/5301"), fp4.basis());
        // the non-expert weights stay in their dtype
        assertEquals(Fixtures.BALANCED.evaluate(big).op("O projection").timeSec(),
                Fixtures.BALANCED.evaluate(big.withExpertDtype(ExpertDtype.NVFP4)).op("O projection").timeSec(), 0.0);
    }
}
