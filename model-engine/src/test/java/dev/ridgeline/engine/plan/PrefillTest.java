package dev.ridgeline.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.PrefillEvaluation;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Prefill;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.roofline.OpResult;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Prefill on the decode kernel's graph: FLOPs by hand, TTFT against the prompt, the summary against the detail. */
class PrefillTest {
    /** DeepSeek's prefill unit: EP32, data-parallel attention, FP8 weights, BF16 KV, two micro-batches. */
    static Scenario deepSeekPrefill() {
        return Fixtures.seed("H800", "CX7").withFidelity(Fidelity.CALIBRATED).withWeightDtype(Dtype.FP8)
                .withKvDtype(Dtype.BF16).withEp(32).withMtp(0, 0.85).withBatch(1);
    }

    static final Set<OpKind> TENSOR = EnumSet.of(OpKind.Q_DOWN, OpKind.KV_DOWN, OpKind.Q_UP, OpKind.KV_UP,
            OpKind.PREFILL_ATTENTION, OpKind.O_PROJECTION, OpKind.ROUTER_GATE, OpKind.SHARED_UP, OpKind.SHARED_DOWN,
            OpKind.ROUTED_UP, OpKind.ROUTED_DOWN, OpKind.DENSE_FFN_UP, OpKind.DENSE_FFN_DOWN, OpKind.LM_HEAD);

    @Test
    void flopsPerTokenOfDeepSeekV3At4kByHand() {
        // One 4,096-token prompt per 4,096-token chunk, no cache hit, every expert equally popular (the hottest card
        // is the mean card). Per token and MoE layer:
        //   Q down 2·7168·1536 = 22,020,096; KV down 2·7168·576 = 8,257,536; Q up 2·1536·(128·192) = 75,497,472;
        //   KV up (one key per token) 2·512·(128·(128+128)) = 33,554,432;
        //   causal attention 2·128·(192+128)·(4096/2 pairs per token) = 167,772,160;
        //   O projection 2·(128·128)·7168 = 234,881,024; router 2·7168·256 = 3,670,016;
        //   shared expert 2·7168·4096 + 2·2048·7168 = 88,080,384; routed 8 x 88,080,384 = 704,643,072;
        //   sum 1,338,376,192.
        // A dense layer: the attention part 541,982,720 + FFN 2·7168·36864 + 2·18432·7168 = 792,723,456: 1,334,706,176.
        // The LM head once per prompt: 2·7168·129280 / 4096 = 452,480 per token.
        // 58 x 1,338,376,192 + 3 x 1,334,706,176 + 452,480 = 81,630,390,144 FLOP per token (81.6 GFLOP: the research
        // note's count for DeepSeek's profile, docs/validation.md).
        Prefill p = new Prefill(4096, 0, 4096);
        PrefillEvaluation e = Fixtures.BALANCED.evaluatePrefill(deepSeekPrefill(), p);
        double moeLayer = 0;
        for (OpResult op : e.ops()) {
            if (TENSOR.contains(op.kind())) {
                moeLayer += op.flops() * op.invocations();
            }
        }
        assertEquals(1_338_376_192.0 * 4096, moeLayer, 1e-9 * moeLayer);
        double outside = 0;
        for (OpResult op : e.stepOps()) {
            if (TENSOR.contains(op.kind())) {
                outside += op.flops() * op.invocations();
            }
        }
        double perToken = (moeLayer * 58 + outside) / 4096;
        assertEquals(81_630_390_144.0, perToken, 1e-9 * perToken);
        OpResult attention = e.op(OpKind.PREFILL_ATTENTION);
        assertEquals(167_772_160.0 * 2048, attention.flops(), 1e-9 * attention.flops(), "one micro-batch's half");
    }

    @Test
    void theElementwisePassesMoveTheBytesOfAnUnfusedImplementation() {
        // One micro-batch of 8,192 tokens on one card (16,384 a step, two micro-batches, 4K prompts, no cache), DeepSeek-V3
        // (q_lora 1536, kv_lora 512, 128 heads, nope 128, rope 64, v 128, hidden 7168, shared intermediate 2048), FP8
        // weights; BF16 activations, an FP8 quantization 2 + 1 + 4/128 = 3.03125 bytes an element (read, write, scale):
        //   Q/K norms, RoPE and assembly, as SGLang's forward_normal_prepare runs them:
        //     latent norms (1536 + 512)·(2 + 2) and their quantization (1536 + 512)·3.03125: 8,192 x 14,400 = 117,964,800;
        //     q_pe rotated (read, write) and written back into Q (read, write): 8,192·128·64·8 = 536,870,912;
        //     K built per head: K-nope read 2·128, K written 2·192, for each of the 8,192 keys, and k_pe once (4·64):
        //     8,192 x (128 x 640 + 256) = 673,185,792; sum 1,328,021,504.
        //   Attention output quantized for the O projection: 8,192·128·128·3.03125 = 406,847,488.
        //   Shared expert: input 7168·3.03125 = 21,728 and SiLU of its FP32 gate and up, quantized, 2048·(4 + 4 + 1) =
        //   18,432, a row; the sum with the routed output 7168·(2 + 2 + 2) = 43,008: 8,192 x 83,168 = 681,312,256.
        PrefillEvaluation e = Fixtures.BALANCED.evaluatePrefill(deepSeekPrefill(), new Prefill(4096, 0, 16384));
        assertEquals(1_328_021_504.0, e.op(OpKind.MLA_PREFILL_ASSEMBLY).hbmBytes(), 1);
        assertEquals(406_847_488.0, e.op(OpKind.ATTENTION_OUT_QUANTIZE).hbmBytes(), 1);
        assertEquals(681_312_256.0, e.op(OpKind.SHARED_ACTIVATION).hbmBytes(), 1);
        // seed fidelity stays the post's: none of them
        PrefillEvaluation seed = Fixtures.ENGINE.evaluatePrefill(deepSeekPrefill().withFidelity(Fidelity.SEED),
                new Prefill(4096, 0, 16384));
        assertTrue(seed.ops().stream().noneMatch(op -> op.kind() == OpKind.MLA_PREFILL_ASSEMBLY
                || op.kind() == OpKind.ATTENTION_OUT_QUANTIZE || op.kind() == OpKind.SHARED_ACTIVATION));
    }

    @Test
    void aCachedPrefixAddsItsPairsAndItsDecompressedKeys() {
        // h = 0.5 of 4,096: n = 2,048 new tokens attend to P = 2,048 cached ones: n·P + n²/2 = 4,194,304 + 2,097,152
        // pairs per prompt (DESIGN 4c), 2·128·320 FLOP each; KV up decompresses the 2,048 prefix keys too (4,096).
        Prefill p = new Prefill(4096, 0.5, 2048);
        PrefillEvaluation e = Fixtures.BALANCED.evaluatePrefill(deepSeekPrefill(), p);
        double attention = e.op(OpKind.PREFILL_ATTENTION).flops() * 2;
        assertEquals(2.0 * 128 * 320 * (2048.0 * 2048 + 2048.0 * 2048 / 2), attention, 1e-9 * attention);
        double kvUp = e.op(OpKind.KV_UP).flops() * 2;
        assertEquals(2.0 * 512 * 32768 * 4096, kvUp, 1e-9 * kvUp);
    }

    @ParameterizedTest(name = "EP {0}")
    @ValueSource(ints = {8, 32, 144})
    void ttftGrowsWithThePrompt(int ep) {
        double before = 0;
        for (int isl = 256; isl <= 128 * 1024; isl *= 2) {
            double ttft = Fixtures.ENGINE.summarizePrefill(deepSeekPrefill().withEp(ep), new Prefill(isl, 0, 16384))
                    .ttftSec();
            assertTrue(ttft > before, "ISL " + isl + ": " + ttft + " s after " + before + " s");
            before = ttft;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dual", "naive", "seed", "attention TP 8", "cache hit"})
    void theSummaryEqualsTheDetailedEvaluation(String variant) {
        Scenario s = deepSeekPrefill();
        Prefill p = new Prefill(4096, 0, 16384);
        switch (variant) {
            case "naive": s = s.withPolicy(Policy.NAIVE); break;
            case "seed": s = s.withFidelity(Fidelity.SEED); break;
            case "attention TP 8": s = s.withLayout(8, 1).withEp(32); break;
            case "cache hit": p = new Prefill(8192, 0.6, 2048); break;
            default: break;
        }
        PrefillEvaluation e = Fixtures.ENGINE.evaluatePrefill(s, p);
        var summary = Fixtures.ENGINE.summarizePrefill(s, p);
        assertEquals(e.stepSec(), summary.stepSec(), 0);
        assertEquals(e.tokensPerSecPerCard(), summary.prefillTokensPerSec(), 0);
        assertEquals(e.ttftSec(), summary.ttftSec(), 0);
        // the Gantt's last interval ends at or after the layer period (the next layer's first ops overlap it)
        double end = e.schedule().intervals().stream().mapToDouble(i -> i.endSec()).max().orElseThrow();
        assertTrue(end >= e.layerTimeSec() * (1 - 1e-9), end + " against " + e.layerTimeSec());
    }

    @Test
    void withoutCommunicationTheOverlapIsTheComputeOfBothMicroBatches() {
        // EP 1: every expert on the card, dispatch and combine a local copy; every SM computes. The compute stream then
        // runs both micro-batches' compute in turn, which the copies hide behind.
        PrefillEvaluation e = Fixtures.ENGINE.evaluatePrefill(deepSeekPrefill().withEp(1).withRedundantExperts(0)
                .withEplb(false), new Prefill(4096, 0, 8192));
        double compute = 0;
        for (OpResult op : e.ops()) {
            compute += op.stage().onComputeLane() ? op.timeSec() : 0;
        }
        assertEquals(2 * compute, e.layerTimeSec(), 1e-9 * e.layerTimeSec());
        assertEquals(deepSeekPrefill().chip().fp8FlopsPerSec(), e.computeChip().fp8FlopsPerSec());
    }

    @Test
    void overlappedCommunicationLeavesTheComputeTo108Of132SmsAtThePowerLimitedClock() {
        // Clocks from calibration/clocks.csv: DeepSeek's H800s hold ~1600 MHz under compute-bound work, the kernel
        // tables were timed alone at 1980 MHz. 1979 TFLOPS (the sheet's FP8 dense) x 108/132 x 1600/1980 =
        // 1308.4 TFLOPS; the memory is not the SMs' clock and keeps its bandwidth.
        PrefillEvaluation e = Fixtures.ENGINE.evaluatePrefill(deepSeekPrefill(), new Prefill(4096, 0, 16384));
        assertEquals(1979e12 * 108 / 132 * clock(1600) / clock(1980), e.computeChip().fp8FlopsPerSec(), 1e3);
        assertEquals(1.3084e15, e.computeChip().fp8FlopsPerSec(), 0.0001e15);
        assertEquals(deepSeekPrefill().chip().hbmBandwidthBytesPerSec(), e.computeChip().hbmBandwidthBytesPerSec());
        // H20 has no published power-limited clock: only the SM share
        PrefillEvaluation h20 = Fixtures.ENGINE.evaluatePrefill(deepSeekPrefill().withChip(Fixtures.CATALOG.chip("H20")),
                new Prefill(4096, 0, 16384));
        assertEquals(Fixtures.CATALOG.chip("H20").fp8FlopsPerSec() * 108 / 132, h20.computeChip().fp8FlopsPerSec(), 1e3);
    }

    @Test
    void theClockRowsReadAsTheirSourcesDo() {
        // The FlashMLA deep dive's own arithmetic: 990 TFLOPS at the sheet's 1830 MHz, throttled to ~1600 MHz, is
        // "~865 TFlops" (990 x 1600 / 1830 = 865.6): the tensor rate scales with the SM clock, as the engine reads it.
        assertEquals(865, 990 * clock(1600) / clock(1830), 1);
        // The overlapped deployment's drop (DeepGEMM issue 120, 1980 -> 1575 MHz) and DeepSeek's sustained clock
        // agree within 2 % as shares of the benchmarks' 1980 MHz: 0.795 and 0.808.
        assertEquals(clock(1575) / clock(1980), clock(1600) / clock(1980), 0.02);
        assertEquals(clock(1600) / clock(1980), PrefillPass.SUSTAINED_CLOCK_MHZ / PrefillPass.BENCHMARK_CLOCK_MHZ, 1e-12);
    }

    /** The clock of calibration/clocks.csv's row with this value (fails when the row is missing). */
    private static double clock(int mhz) {
        return CalibrationTables.rows("clocks.csv").stream().mapToDouble(r -> Double.parseDouble(r.get("sm_clock_mhz")))
                .filter(c -> c == mhz).findFirst().orElseThrow(() -> new AssertionError("no clocks.csv row at " + mhz));
    }
}
