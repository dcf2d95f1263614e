package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.ReportFixtures.V3;
import static dev.ridgeline.engine.report.ReportFixtures.V3_H800;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analytical section's FLOPs per output token for DeepSeek-V3, derived by hand from the shapes. */
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
        List<Double> nums = new ArrayList<>();
        Block.Paragraph perToken = V3.section(ModelWriter.OPERATORS).blocks(Block.Paragraph.class).stream()
                .filter(p -> p.plain().startsWith("Per output token")).findFirst().orElseThrow();
        for (Inline i : perToken.parts()) {
            if (i instanceof Inline.Num) {
                nums.add(((Inline.Num) i).value());
            }
        }
        // parts: tokens, batch, tokens kept per step, F, bytes_hbm, bytes_net, 2·active
        assertEquals(58 * layer, nums.get(3), 58 * layer * 1e-9, perToken.plain());
    }
}
