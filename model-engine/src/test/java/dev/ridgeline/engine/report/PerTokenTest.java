package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.ReportFixtures.V3;
import static dev.ridgeline.engine.report.ReportFixtures.V3_H800;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analytical section's FLOPs and bytes per output token for DeepSeek-V3, derived by hand from the shapes. */
class PerTokenTest {
    @Test
    void deepSeekV3sFlopsPerTokenAreItsLayersGemmsAndItsAttentionCore() {
        // Seed fidelity, MTP 0 (one token per sequence and step), L = 5120 read as two whole 4,096-key FlashMLA chunks,
        // K = 8,192 keys computed. Per token and MoE layer (config.json: H 7168, q rank 1536, KV rank 512, RoPE 64,
        // nope 128, V 128, 128 heads, expert width 2048, top-8 + 1 shared):
        //   Q down 2·7168·1536 = 22,020,096; Q up 2·1536·128·(128 + 64) = 75,497,472; KV down 2·7168·(512 + 64)
        //   = 8,257,536; absorbed W_UK 2·128·128·512 = 16,777,216; W_UV 2·128·512·128 = 16,777,216;
        //   O 2·128·128·7168 = 234,881,024; one expert 3·2·7168·2048 = 88,080,384: the shared one, and the routed
        //   ones as seed 000 reads their load (FULL: each of the card's ceil(256 / 144) = 2 expert slots runs all
        //   B·k rows, RooflineHandDerivedTest), 2·8 = 16 experts' worth per token = 1,409,286,144;
        //   FlashMLA 2·128·(576 + 512)·8192 = 2,281,701,376. Sum 4,153,278,464; × 58 MoE layers = 240,890,150,912.
        double layer = 22_020_096.0 + 75_497_472 + 8_257_536 + 16_777_216 + 16_777_216 + 234_881_024 + 88_080_384
                + 16 * 88_080_384.0 + 2_281_701_376.0;
        assertEquals(4_153_278_464.0, layer, 0.0);
        assertEquals(0, V3_H800.mtpDepth());
        List<Double> nums = perTokenFigures();
        // parts: tokens, batch, tokens kept per step, F, bytes_hbm, bytes_net, 2·active
        assertEquals(58 * layer, nums.get(3), 58 * layer * 1e-9, "F per token");
    }

    @Test
    void deepSeekV3sBytesPerTokenAreItsWeightsOverTheBatchAndItsOwnKvCache() {
        // The same scenario (seed fidelity, batch 128 per card in two micro-batches of 64 with dual-micro-batch, MTP 0,
        // L = 5120, FP8 weights and KV cache, EP144). Every GEMM reads its input in the weight dtype (1 byte), its
        // weights once per micro-batch, and writes BF16 (2 bytes) out of attention, FP32 (4 bytes) out of the experts;
        // seed 000 charges Q down and Q up no weight bytes. Per micro-batch (M = 64 tokens, config.json as above):
        //   Q down   in 64·7168 = 458,752; out 64·1536·2 = 196,608                                     =     655,360
        //   KV down  in 458,752; W 7168·576 = 4,128,768; out 64·576·2 = 73,728                         =   4,661,248
        //   Q up     in 64·1536 = 98,304; out 64·128·192·2 = 3,145,728                                 =   3,244,032
        //   Q-nope absorb (128 heads 128 → 512) in 64·128·128 = 1,048,576; W 128·128·512 = 8,388,608;
        //            out 64·128·512·2 = 8,388,608                                                       =  17,825,792
        //   FlashMLA: the KV cache alone, 64 sequences · 5120 keys · 576 · 1 byte                      = 188,743,680
        //   V absorb (512 → 128) in 64·128·512 = 4,194,304; W 8,388,608; out 64·128·128·2 = 2,097,152  =  14,680,064
        //   O        in 64·16384 = 1,048,576; W 16384·7168 = 117,440,512; out 64·7168·2 = 917,504     = 119,406,592
        //   shared up   in 458,752; W 7168·4096 = 29,360,128; out 64·4096·4 = 1,048,576               =  30,867,456
        //   shared down in 64·2048 = 131,072; W 2048·7168 = 14,680,064; out 64·7168·4 = 1,835,008     =  16,646,144
        //   routed: 64·144·8 / 144 = 512 pairs a card, each of its ceil(256/144) = 2 expert slots over all of them
        //   (seed 000's FULL reading): up in 2·512·7168 = 7,340,032; W 2·7168·4096 = 58,720,256;
        //            out 2·512·4096·4 = 16,777,216                                                      =  82,837,504
        //            down in 2·512·2048 = 2,097,152; W 2·2048·7168 = 29,360,128; out 2·512·7168·4 = 29,360,128
        //                                                                                               =  60,817,408
        // Weights 270,467,072 a micro-batch, read twice a step: 540,934,144 a layer; KV 2·188,743,680 = 377,487,360;
        // activations the rest, 2·81,174,528 = 162,349,056. Per output token over the step's 128 tokens and 58 MoE
        // layers: weights 540,934,144·58/128 = 245,110,784 (they shrink as the batch grows), KV 5120·576·1·58 =
        // 171,048,960 (one sequence's own cache, whatever the batch), activations 73,564,416: 489,724,160 in all.
        // Network: dispatch and combine each 64·8·7168 bytes a micro-batch (FP8 dispatch, combine in the weight dtype),
        // 4·3,670,016·58/128 = 6,651,904 a token.
        double weights = 4_128_768.0 + 8_388_608 + 8_388_608 + 117_440_512 + 29_360_128 + 14_680_064 + 58_720_256
                + 29_360_128;
        double kv = 64.0 * 5120 * 576;
        double all = 655_360.0 + 4_661_248 + 3_244_032 + 17_825_792 + 188_743_680 + 14_680_064 + 119_406_592
                + 30_867_456 + 16_646_144 + 82_837_504 + 60_817_408;
        assertEquals(270_467_072.0, weights, 0.0);
        assertEquals(540_385_280.0, all, 0.0);
        assertEquals(128, V3_H800.batchPerCard());
        assertEquals(5120, V3_H800.contextTokens());

        Block.Table dominance = V3.section("Byte dominance test").blocks(Block.Table.class).get(0);
        assertEquals(2 * weights, ReportFixtures.value(dominance.cell(0, "Per MoE layer")), 0.5, "bytes_weights");
        assertEquals(2 * (all - weights - kv), ReportFixtures.value(dominance.cell(1, "Per MoE layer")), 0.5,
                "bytes_activations");
        assertEquals(2 * kv, ReportFixtures.value(dominance.cell(2, "Per MoE layer")), 0.5, "bytes_kv");

        List<Double> nums = perTokenFigures();
        assertEquals(245_110_784.0 + 171_048_960 + 73_564_416, nums.get(4), 1.0, "bytes_hbm per token");
        assertEquals(2 * all * 58 / 128, nums.get(4), 1.0, "bytes_hbm per token");
        assertEquals(6_651_904.0, nums.get(5), 1.0, "bytes_net per token");
    }

    /** The numbers of the "Per output token" paragraph: tokens, batch, tokens kept, F, bytes_hbm, bytes_net, 2·active. */
    private static List<Double> perTokenFigures() {
        List<Double> nums = new ArrayList<>();
        Block.Paragraph perToken = V3.section(ModelWriter.OPERATORS).blocks(Block.Paragraph.class).stream()
                .filter(p -> p.plain().startsWith("Per output token")).findFirst().orElseThrow();
        for (Inline i : perToken.parts()) {
            if (i instanceof Inline.Num) {
                nums.add(((Inline.Num) i).value());
            }
        }
        return nums;
    }
}
