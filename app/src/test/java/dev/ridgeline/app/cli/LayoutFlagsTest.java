package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The layout, balancer and dtype flags every scenario command takes (issue 18). */
class LayoutFlagsTest {
    @Test
    void minLatencyLayoutOnB200RunsWithItsAllReducesInAnyFlagOrder() throws Exception {
        String[] flags = {"--fidelity", "calibrated", "--chip", "B200", "--moe-tp", "2", "--ep", "4", "--attn-tp", "8",
            "--weight-dtype", "fp4", "--eplb", "off", "--batch", "1", "--format", "json"};
        CliTest.Run r = CliTest.run(concat("evaluate", flags));
        assertEquals(0, r.code(), r.err());
        JsonNode e = new ObjectMapper().readTree(r.out());
        assertTrue(e.get("scenario").asText().contains("attn TP8 / MoE TP2"), e.get("scenario").asText());
        assertTrue(e.get("scenario").asText().contains("experts NVFP4"), e.get("scenario").asText());
        boolean allReduce = false;
        for (JsonNode op : e.get("ops")) {
            allReduce |= op.get("name").asText().equals("Attention all-reduce");
        }
        assertTrue(allReduce, r.out());
        // the same flags in another order give the same scenario
        String[] reordered = {"--attn-tp", "8", "--batch", "1", "--weight-dtype", "fp4", "--ep", "4", "--eplb", "off",
            "--chip", "B200", "--moe-tp", "2", "--fidelity", "calibrated", "--format", "json"};
        assertEquals(r.out(), CliTest.run(concat("evaluate", reordered)).out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a TP degree      | evaluate;--fidelity;calibrated;--attn-tp;3                      | ridgeline: --attn-tp: bad value 3 (attentionTp must be 1, 2, 4 or 8)
            TP beyond NVLink     | evaluate;--fidelity;calibrated;--chip;L40S;--attn-tp;2          | ridgeline: --attn-tp: bad value 2 (attentionTp must be at most the scale-up domain of chip 'L40S' (1 card))
            TP in seed fidelity  | evaluate;--fidelity;seed;--moe-tp;2                             | ridgeline: --moe-tp: bad value 2 (moeTp must be 1 in seed fidelity (seed 000 spreads experts by EP alone))
            FP4 on Hopper        | evaluate;--fidelity;calibrated;--chip;H800;--weight-dtype;fp4   | ridgeline: --weight-dtype: bad value 'fp4' (expertDtype NVFP4 needs an FP4 tensor rate; chip 'H800' has none)
            unknown dtype        | evaluate;--expert-dtype;fp2                                     | ridgeline: --expert-dtype: bad value 'fp2' (expected fp4, nvfp4, mxfp4, fp8 or bf16)
            MXFP4 as weights     | evaluate;--weight-dtype;mxfp4                                   | ridgeline: --weight-dtype: bad value 'mxfp4' (expected fp4, fp8 or bf16; MXFP4 experts: --expert-dtype mxfp4)
            EPLB maybe           | evaluate;--eplb;maybe                                           | ridgeline: --eplb: bad value 'maybe' (expected on or off)
            scale-up peers maybe | evaluate;--ep-scale-up;nvlink                                   | ridgeline: --ep-scale-up: bad value 'nvlink' (expected on or off)
            negative copies      | evaluate;--redundant-experts;-1                                 | ridgeline: --redundant-experts: bad value -1 (redundantExperts must be in [0, 4096])
            groups not whole     | evaluate;--fidelity;calibrated;--ep;2;--attn-tp;4               | ridgeline: --attn-tp: bad value 4 (attentionTp must divide the MoE's ep x moeTp = 2 x 1 = 2 cards (attention groups are whole))
            """)
    void badLayoutFlagsAreRefusedInOneLineNamingTheFlag(String what, String args, String message) {
        CliTest.Run r = CliTest.run(args.strip().split(";"));
        assertEquals(2, r.code(), r.out());
        assertEquals(message, r.err().strip());
    }

    @Test
    void epTrafficToANodesPeersOverTheNicIsSlowerAndSaysSo() throws Exception {
        // EP144 on H800: 8 of 144 cards share a card's node; over NVLink (default) the NIC moves 136 of 144 shares,
        // over the NIC (off) 143: dispatch takes longer, and the scenario line says which
        String[] base = {"--fidelity", "calibrated", "--chip", "H800", "--ep", "144", "--format", "json"};
        JsonNode on = new ObjectMapper().readTree(CliTest.run(concat("evaluate", base)).out());
        String[] nic = {"--fidelity", "calibrated", "--chip", "H800", "--ep", "144", "--format", "json", "--ep-scale-up",
            "off"};
        CliTest.Run r = CliTest.run(concat("evaluate", nic));
        assertEquals(0, r.code(), r.err());
        JsonNode off = new ObjectMapper().readTree(r.out());
        assertTrue(off.get("scenario").asText().contains("EP all over NIC"), off.get("scenario").asText());
        assertTrue(!on.get("scenario").asText().contains("EP all over NIC"), on.get("scenario").asText());
        assertTrue(dispatch(off) > dispatch(on), dispatch(off) + " vs " + dispatch(on));
    }

    private static double dispatch(JsonNode e) {
        for (JsonNode op : e.get("ops")) {
            if (op.get("name").asText().equals("Dispatch")) {
                return op.get("seconds").asDouble();
            }
        }
        throw new AssertionError("no Dispatch op: " + e);
    }

    @Test
    void paramBytesStillSetsOnlyTheNonExpertWeights() throws Exception {
        CliTest.Run r = CliTest.run("evaluate", "--fidelity", "calibrated", "--chip", "B200", "--expert-dtype", "nvfp4",
                "--param-bytes", "2", "--format", "json");
        assertEquals(0, r.code(), r.err());
        String scenario = new ObjectMapper().readTree(r.out()).get("scenario").asText();
        assertTrue(scenario.contains("W BF16") && scenario.contains("experts NVFP4"), scenario);
    }

    private static String[] concat(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
