package dev.ridgeline.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The layout, balancer and expert-dtype fields refuse what cannot run, in one line naming the field and the value. */
class LayoutRulesTest {
    private static final Catalog C = Presets.builtIn();

    /** DeepSeek-V3 on the chip, calibrated fidelity. */
    private static Scenario on(String chip) {
        return Scenario.defaults(C.model("DeepSeek-V3"), C.chip(chip), C.nic("CX7")).withFidelity(Fidelity.CALIBRATED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            attention TP 3          | H800  | attn 3    | attentionTp must be 1, 2, 4 or 8, was 3 (scenario)
            MoE TP 16               | GB200 | moe 16    | moeTp must be 1, 2, 4 or 8, was 16 (scenario)
            TP on a chip without NVLink | L40S | attn 2  | attentionTp must be at most the scale-up domain of chip 'L40S' (1 card), was 2 (scenario)
            MoE TP beyond the domain | L40S | moe 2     | moeTp must be at most the scale-up domain of chip 'L40S' (1 card), was 2 (scenario)
            attention groups whole  | H800  | ep 1 attn 2 | attentionTp must divide the MoE's ep x moeTp = 1 x 1 = 1 cards (attention groups are whole), was 2 (scenario)
            FP4 on Hopper           | H800  | nvfp4     | expertDtype NVFP4 needs an FP4 tensor rate; chip 'H800' has none (scenario)
            negative copies         | H800  | copies -1 | redundantExperts must be in [0, 4096], was -1 (scenario)
            seed: attention TP      | H800  | seed attn 2 | attentionTp must be 1 in seed fidelity (seed 000 has data-parallel attention only), was 2 (scenario)
            seed: MoE TP            | H800  | seed moe 2 | moeTp must be 1 in seed fidelity (seed 000 spreads experts by EP alone), was 2 (scenario)
            seed: FP4 experts       | B200  | seed nvfp4 | expertDtype must be FP8 in seed fidelity (seed 000 keeps the experts in FP8), was NVFP4 (scenario)
            """)
    void refusedLayoutsNameTheFieldAndTheValue(String what, String chip, String edit, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> apply(on(chip), edit));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            TensorRT-LLM min latency: attention TP8, experts TP4 x EP2 | B200  | ep 2 attn 8 moe 4 nvfp4 | 8
            DP attention over an NVL72 rack, EP72                      | GB200 | ep 72 mxfp4             | 72
            attention TP2 groups over EP144 (NIC)                      | H800  | attn 2                  | 144
            seed fidelity ignores EPLB and redundant experts          | H800  | seed copies 0 eplb off  | 144
            """)
    void layoutsThatRunAreAccepted(String what, String chip, String edit, int moeCards) {
        Scenario s = apply(on(chip).withEp(144), edit);
        assertEquals(moeCards, s.deployment().moeCards());
    }

    /**
     * Applies "seed", "ep N", "attn N", "moe N", "copies N", "eplb on|off" to the deployment, then the deployment as
     * a whole (the layout's fields constrain each other), then "nvfp4" or "mxfp4" and "seed" in the order given.
     */
    private static Scenario apply(Scenario s, String edit) {
        String[] w = edit.strip().split("\\s+");
        Deployment d = s.deployment();
        java.util.List<UnaryOperator<Scenario>> after = new java.util.ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            switch (w[i]) {
                case "seed": after.add(x -> x.withFidelity(Fidelity.SEED)); break;
                case "nvfp4": after.add(x -> x.withExpertDtype(ExpertDtype.NVFP4)); break;
                case "mxfp4": after.add(x -> x.withExpertDtype(ExpertDtype.MXFP4)); break;
                case "ep": d = d.withEp(Integer.parseInt(w[++i])); break;
                case "attn": d = d.withAttentionTp(Integer.parseInt(w[++i])); break;
                case "moe": d = d.withMoeTp(Integer.parseInt(w[++i])); break;
                case "copies": d = d.withRedundantExperts(Integer.parseInt(w[++i])); break;
                case "eplb": d = d.withEplb(w[++i].equals("on")); break;
                default: throw new IllegalStateException(w[i]);
            }
        }
        Scenario out = s.with(d);
        for (UnaryOperator<Scenario> step : after) {
            out = step.apply(out);
        }
        return out;
    }
}
