package dev.ridgeline.engine.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The rate-matching arithmetic of DESIGN 4c, checked by hand and against DeepSeek's published day. */
class RateMatchTest {
    /*
     * DeepSeek's inference-system overview, day 6 (https://github.com/deepseek-ai/open-infra-index/blob/main/
     * 202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md, 2025-03-01), 24 hours:
     * 608B input tokens of which 342B hit the on-disk KV cache, 168B output tokens; "Each H800 node delivers an
     * average throughput of ~73.7k tokens/s input (including cache hits) during prefilling or ~14.8k tokens/s output
     * during decoding"; average occupancy 226.75 nodes.
     */
    static final double INPUT = 608e9;
    static final double HITS = 342e9;
    static final double OUTPUT = 168e9;
    static final double PREFILL_NODE_WITH_HITS = 73_700;
    static final double DECODE_NODE = 14_800;
    static final double DAY = 86_400;

    @Test
    void deepSeeksPublishedDayGivesTheNodeRatioItRan() {
        double hit = HITS / INPUT;                                   // 0.5625
        double prefillUncached = PREFILL_NODE_WITH_HITS * (1 - hit); // 32,243.75 uncached tokens/s per node
        // Requests cancel out: per request OSL/ISL = 168/608, so OSL = 168, S(1-h) = 608 x 0.4375 = 266 in any unit.
        double ratio = RateMatch.decodePerPrefill(prefillUncached, DECODE_NODE, 168, 608 * (1 - hit));
        // By hand: 32,243.75 x 168 / (14,800 x 266) = 5,416,950 / 3,936,800 = 1.37598
        assertEquals(1.37598, ratio, 1e-5);
        // Independently, the nodes each phase needed over the day: input 7.037 M tokens/s over 73.7k per node = 95.48
        // prefill nodes; output 1.944 M tokens/s over 14.8k = 131.38 decode nodes.
        double prefillNodes = INPUT / DAY / PREFILL_NODE_WITH_HITS;
        double decodeNodes = OUTPUT / DAY / DECODE_NODE;
        assertEquals(decodeNodes / prefillNodes, ratio, 1e-9);
        // ... which add up to the published average occupancy of 226.75 nodes within 0.1 %.
        assertEquals(226.75, prefillNodes + decodeNodes, 0.001 * 226.75);
    }

    @Test
    void servedOutputPerCardCountsBothPools() {
        double hit = HITS / INPUT;
        double ratio = RateMatch.decodePerPrefill(PREFILL_NODE_WITH_HITS * (1 - hit) / 8, DECODE_NODE / 8, 168,
                608 * (1 - hit));
        // Per card: 1,850 output tokens/s per decode card x 1.37598 / 2.37598 = 1,071.4; by hand from the day: 168e9 /
        // 86,400 s = 1.9444 M tokens/s over (95.48 + 131.38) x 8 = 1,814.9 cards = 1,071.4.
        double served = RateMatch.servedPerCard(DECODE_NODE / 8, ratio);
        double byDay = OUTPUT / DAY / ((INPUT / DAY / PREFILL_NODE_WITH_HITS + OUTPUT / DAY / DECODE_NODE) * 8);
        assertEquals(byDay, served, 1e-9 * byDay);
        assertEquals(1071.4, served, 0.05);
    }

    @Test
    void poolsForARequestRateRoundUpToWholeUnits() {
        // Prefill unit 32 cards at 2 requests/s each (64 per unit), decode unit 144 cards at 0.5 (72 per unit).
        // 200 requests/s: ceil(200 / 64) = 4 prefill units (128 cards), ceil(200 / 72) = 3 decode units (432 cards);
        // together they serve min(4 x 64, 3 x 72) = 216 requests/s on 560 cards = 16 + 54 nodes.
        RateMatch.Pools p = RateMatch.forRequestRate(200, 32, 2.0, 144, 0.5);
        assertEquals(4, p.prefillUnits());
        assertEquals(3, p.decodeUnits());
        assertEquals(560, p.cards());
        assertEquals(216, p.requestsPerSec(), 1e-9);
        assertEquals(16, p.prefillNodes());
        assertEquals(54, p.decodeNodes());
    }

    @Test
    void aCardBudgetIsSplitToServeTheMostRequests() {
        // 600 cards, same units: p prefill units leave floor((600 - 32p) / 144) decode units. p = 1..3 are
        // prefill-bound (64, 128, 192 requests/s); p = 4 leaves 3 decode units: min(256, 216) = 216; p = 5 serves the
        // same 216 on more cards; p >= 6 leaves 2 decode units (144). So 4 + 3 units, 560 cards, 216 requests/s.
        RateMatch.Pools p = RateMatch.forCardBudget(600, 32, 2.0, 144, 0.5);
        assertEquals(4, p.prefillUnits());
        assertEquals(3, p.decodeUnits());
        assertEquals(216, p.requestsPerSec(), 1e-9);
        assertNull(RateMatch.forCardBudget(175, 32, 2.0, 144, 0.5), "175 cards hold no 32 + 144");
    }

    @Test
    void nodesAreWholeEightCardNodes() {
        assertEquals(1, RateMatch.nodes(1));
        assertEquals(1, RateMatch.nodes(8));
        assertEquals(2, RateMatch.nodes(9));
        assertEquals(18, RateMatch.nodes(144));
    }
}
