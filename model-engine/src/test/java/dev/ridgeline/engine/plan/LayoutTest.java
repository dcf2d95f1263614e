package dev.ridgeline.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.OpKind;
import dev.ridgeline.engine.ops.Stage;
import dev.ridgeline.engine.roofline.Bound;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.schedule.Interval;
import org.junit.jupiter.api.Test;

/** Attention TP and MoE TP x EP (DESIGN 3.10, issue 18 item 2), hand-derived. */
class LayoutTest {
    /** DeepSeek-V3 on 8 H800s: attention TP8 over the node, the experts by EP8; batch 16 sequences a group. */
    static Scenario tp8() {
        return Fixtures.seed("H800", "CX7").withFidelity(Fidelity.CALIBRATED).withKvDtype(Dtype.FP8)
                .withWeightDtype(Dtype.FP8).withEp(8).withLayout(8, 1).withBatch(16).withMtp(0, 0.85)
                .withPolicy(Policy.NAIVE).withContext(4096);
    }

    @Test
    void ringAllReduceBytesAreTwiceTheShareOthersOwn() {
        // 128 tokens of 7168 BF16 values = 1,835,008 bytes among 8 cards: each card receives 7/8 of the data to reduce
        // its eighth and 7/8 again to gather the reduced eighths: 2 · 7/8 · 1,835,008 = 3,211,264 bytes.
        assertEquals(3_211_264.0, Collectives.ringAllReduceBytes(128, 7168, 8), 0.0);
        assertEquals(0.0, Collectives.ringAllReduceBytes(128, 7168, 1), 0.0);
    }

    @Test
    void theAttentionAllReduceIsTimedOverNvlinkAndDrawn() {
        // 16 tokens a group: 2 · 7/8 · 16 · 7168 · 2 = 401,408 bytes per card, at DeepEP's 153 of H800's 200 GB/s per
        // direction, plus the 5.9 µs of a small all-reduce on 8 GPUs (SGLang PR 2904): 5.9 + 2.6236 = 8.5236 µs.
        Evaluation e = Fixtures.BALANCED.evaluate(tp8());
        OpResult ar = e.op(OpKind.ATTENTION_ALL_REDUCE);
        assertEquals(401_408.0, ar.networkBytes(), 0.0);
        assertEquals(5.9e-6 + 401_408.0 / 153e9, ar.timeSec(), 1e-12);
        assertEquals(Bound.NETWORK, ar.bound());
        assertTrue(ar.extrapolated(), ar.basis());
        assertEquals(ar.timeSec(), e.op(OpKind.MOE_ALL_REDUCE).timeSec(), 0.0);
        // the Gantt draws both: the attention all-reduce on the compute stream after attn-1, the MoE's after combine
        assertTrue(e.schedule().intervals().stream().anyMatch(i -> i.stage() == Stage.ATTN_REDUCE
                && i.durationSec() == ar.timeSec()));
        assertTrue(e.schedule().intervals().stream().anyMatch(i -> i.stage() == Stage.MOE_REDUCE));
        // attention TP over every card of the MoE: each card holds the tokens, so nothing is dispatched
        assertFalse(e.ops().stream().anyMatch(o -> o.kind() == OpKind.DISPATCH || o.kind() == OpKind.COMBINE));
        assertEquals(e.layerTimeSec(), e.schedule().intervals().stream().mapToDouble(Interval::endSec).max().orElseThrow(),
                1e-12);
    }

    @Test
    void mlaKeepsTheWholeLatentCacheOnEveryAttentionRank() {
        // 16 sequences of 4096 tokens, 576 latent values a token, 61 layers, FP8: 16 · 4096 · 576 · 61 = 2,302,672,896
        // bytes on each of the 8 cards, as much as one card holds at TP1 for the same 16 sequences.
        Evaluation tp = Fixtures.BALANCED.evaluate(tp8());
        assertEquals(2_302_672_896.0, tp.memory().kvCacheBytes(), 0.0);
        Evaluation dp = Fixtures.BALANCED.evaluate(tp8().withLayout(1, 1));
        assertEquals(dp.memory().kvCacheBytes(), tp.memory().kvCacheBytes(), 0.0);
        // the heads are split: O projection 128/8 heads x 128 x 7168 FP8 weights a card
        assertEquals(16.0 * 128 * 7168, tp.op("O projection").weightBytes(), 0.0);
        // throughput per card: the 16 sequences of a group are served by its 8 cards
        assertEquals(16 * tp.userTokensPerSec() / 8, tp.throughputPerCard(), 1e-9 * tp.throughputPerCard());
    }

    @Test
    void gqaSplitsItsCacheByKeyValueHeadUntilTheHeadsRunOut() {
        // Qwen3-235B-A22B: 4 KV heads of 128, 94 layers: per token and layer 2 · 4 · 128 = 1,024 values. TP2 holds 2 of
        // the 4 heads (1/2), TP4 one (1/4), TP8 still one head (copied): 1/4.
        Scenario q = Scenario.defaults(Fixtures.CATALOG.model("Qwen3-235B-A22B"), Fixtures.CATALOG.chip("H800"),
                Fixtures.CATALOG.nic("CX7")).withFidelity(Fidelity.CALIBRATED).withEp(8).withBatch(16).withContext(4096)
                .withKvDtype(Dtype.FP8);
        double whole = 16.0 * 4096 * 1024 * 94;
        assertEquals(whole, Fixtures.BALANCED.evaluate(q).memory().kvCacheBytes(), 0.0);
        assertEquals(whole / 2, Fixtures.BALANCED.evaluate(q.withLayout(2, 1)).memory().kvCacheBytes(), 0.0);
        assertEquals(whole / 4, Fixtures.BALANCED.evaluate(q.withLayout(4, 1)).memory().kvCacheBytes(), 0.0);
        assertEquals(whole / 4, Fixtures.BALANCED.evaluate(q.withLayout(8, 1)).memory().kvCacheBytes(), 0.0);
    }

    @Test
    void expertTensorParallelismSplitsEachExpertAndMultipliesItsRows() {
        // TensorRT-LLM's min-latency layout on 8 cards: attention TP8, experts TP4 x EP2. Each card holds 128 of the 256
        // experts (EP2, no EPLB), each a quarter: the up projection 7168 x 2·2048/4 = 7168 x 1024; a card's pairs are
        // its tokens' share (16/8) x top-8 x 4 shards = 64 when all 8 cards hold the 16 tokens.
        Scenario s = tp8().withLayout(2, 8, 4).withEplb(false);
        Evaluation e = Fixtures.BALANCED.evaluate(s);
        OpResult up = e.op("Routed experts up");
        double read = 128 * (1 - Math.pow(1 - 8.0 / 256, 16)); // T = 16 tokens in the EP group
        assertEquals(read * 7168 * 1024, up.weightBytes(), 1e-6 * up.weightBytes());
        assertEquals(2.0 * 64 * 7168 * 1024, up.flops(), 1e-9 * up.flops());
        // the card's expert memory: 128 slots x 58 layers x a quarter expert (3 · 7168 · 2048 / 4) in FP8
        assertEquals(128.0 * 58 * 3 * 7168 * 2048 / 4, e.memory().localExpertBytes(), 0.0);
    }

    @Test
    void attentionTpGroupsOnDataParallelCardsStillDispatch() {
        // attention TP2 on EP128 over the NIC: 64 groups of 2; each card dispatches its half of its group's tokens, and
        // both all-reduces run over the group's 2 cards.
        Scenario s = tp8().withLayout(128, 2, 1).withBatch(64);
        Evaluation e = Fixtures.BALANCED.evaluate(s);
        assertTrue(e.ops().stream().anyMatch(o -> o.kind() == OpKind.DISPATCH));
        assertEquals(2 * (2 - 1) / 2.0 * 64 * 7168 * 2, e.op(OpKind.ATTENTION_ALL_REDUCE).networkBytes(), 0.0);
        // 64 tokens a group, 32 a card, 256 pairs a card: the dispatch carries 256 pairs of FP8 with scales
        assertEquals(256 * (7168 + 7168 / 128 * 4.0), e.op(OpKind.DISPATCH).networkBytes(), 1e-6);
    }
}
