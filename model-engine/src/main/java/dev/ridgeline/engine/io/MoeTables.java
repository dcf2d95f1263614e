package dev.ridgeline.engine.io;

import dev.ridgeline.engine.calibration.Fp4MoeFit;
import dev.ridgeline.engine.calibration.GqaDecodeFit;
import dev.ridgeline.engine.calibration.MoeBlockFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The routed-expert block's readings from {@code calibration/moe-block.csv} (FlashInfer's MoE benchmark on B300). */
public final class MoeTables {
    private MoeTables() {
    }

    /**
     * The routed-expert block's fixed cost from {@code moe-block.csv} (FlashInfer's DeepSeek MoE benchmark on a B300):
     * the line through TensorRT-LLM's NVFP4 runs of PR 4985 (1-32 tokens, with the experts they hit), its BF16 runs
     * held out, and PR 5301's NVFP4 runs at 128-512 tokens (every one of the 32 local experts hit) held out.
     */
    static MoeBlockFit moeBlock(List<Map<String, String>> rows) {
        List<GqaDecodeFit.Run> fitted = new ArrayList<>();
        List<GqaDecodeFit.Run> bf16 = new ArrayList<>();
        List<GqaDecodeFit.Run> saturated = new ArrayList<>();
        String source = "";
        for (Map<String, String> r : rows) {
            int tokens = Integer.parseInt(r.get("tokens"));
            double expertBytes = 3.0 * Integer.parseInt(r.get("hidden")) * Integer.parseInt(r.get("intermediate"))
                    * Double.parseDouble(r.get("weight_bytes_per_param"));
            double sec = Double.parseDouble(r.get("latency_ms")) * 1e-3;
            String what = String.format(Locale.ROOT, "%s %s, %d token%s", r.get("backend"), r.get("run"), tokens,
                    tokens == 1 ? "" : "s");
            if (r.get("run").equals("pr4985") && r.get("backend").startsWith("TRTLLM")) {
                GqaDecodeFit.Run run = new GqaDecodeFit.Run(what, Integer.parseInt(r.get("active_experts")) * expertBytes, sec);
                (r.get("weight_format").equals("NVFP4") ? fitted : bf16).add(run);
                source = r.get("source");
            } else if (r.get("run").equals("pr5301") && r.get("backend").equals("TRTLLM NVFP4") && tokens >= 128) {
                saturated.add(new GqaDecodeFit.Run(what, Integer.parseInt(r.get("local_experts")) * expertBytes, sec));
            }
        }
        return MoeBlockFit.of(fitted, bf16, saturated, "FlashInfer DeepSeek MoE benchmark on B300, TensorRT-LLM NVFP4, "
                + fitted.size() + " runs of 1-32 tokens (" + source + ")");
    }

    /**
     * The dense FP4 rate of the B300 the MoE benchmark ran on (an HGX B300, "B300 SXM6 AC"): 13 PFLOPS, "Dense FP4
     * performance is up (13 PF on B300 vs. 9.0 PF on B200)", https://glennklockwood.com/garden/processors/B300 (the
     * page the catalogue's B200 and GB200 rows cite). No catalogue chip is this card: GB300, the same die at 1,400 W,
     * is listed at 15 PF. Every run the fit uses is bandwidth-bound on the roofline the engine counts, so the rate
     * does not enter its fractions.
     */
    static final double B300_FP4_FLOPS = 13_000e12;
    /** The B300's HBM: 8 TB/s (https://glennklockwood.com/garden/processors/B300; GB300's, calibration/chips.csv). */
    static final double B300_HBM_BYTES = 8_000e9;

    /**
     * Rows of {@code moe-block.csv} as {@link Fp4MoeFit.Run}s: those of {@code run} (and {@code backend}, or every
     * backend when null) at {@code minTokens} tokens or more, in file order.
     */
    private static List<Fp4MoeFit.Run> blockRuns(List<Map<String, String>> rows, String run, String backend,
                                                 int minTokens) {
        List<Fp4MoeFit.Run> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            int tokens = Integer.parseInt(r.get("tokens"));
            if (!r.get("run").equals(run) || backend != null && !r.get("backend").equals(backend) || tokens < minTokens) {
                continue;
            }
            out.add(new Fp4MoeFit.Run(String.format(Locale.ROOT, "%s %s, %d tokens", r.get("backend"), run, tokens),
                    tokens, Integer.parseInt(r.get("hidden")), Integer.parseInt(r.get("intermediate")),
                    Integer.parseInt(r.get("experts")), Integer.parseInt(r.get("local_experts")),
                    Integer.parseInt(r.get("top_k")), Double.parseDouble(r.get("weight_bytes_per_param")),
                    Double.parseDouble(r.get("latency_ms")) * 1e-3));
        }
        return out;
    }

    /**
     * FP4 routed experts from {@code moe-block.csv}: TensorRT-LLM's NVFP4 runs of PR 5301 with every local expert hit,
     * fitted at 128 to 512 tokens (4 to 16 rows an expert; the repeat the routed block's line holds out) and at 8,192
     * and 16,384 tokens (256 and 512 rows; the PR's first repeat). Held out ({@link #fp4MoeHeldOut}): the first repeat at
     * 1,024 to 4,096 tokens and the PR's comparison table. {@code rows} are the file's, {@code block} the routed
     * block's line ({@link #moeBlock}) fitted on them.
     */
    static Fp4MoeFit fp4Moe(List<Map<String, String>> rows, MoeBlockFit block) {
        List<Fp4MoeFit.Run> runs = new ArrayList<>(blockRuns(rows, "pr5301", "TRTLLM NVFP4", 128));
        runs.addAll(blockRuns(rows, "pr5301-r1", "TRTLLM NVFP4", 8192));
        return Fp4MoeFit.of(runs, B300_FP4_FLOPS, B300_HBM_BYTES, block, "TensorRT-LLM fused NVFP4 MoE on B300, "
                + runs.size() + " runs at 4-16 and 256-512 rows an expert (https://github.com/flashinfer-ai/flashinfer/pull/5301)");
    }

    /** The runs {@link #fp4Moe} leaves out: TensorRT-LLM's at 32-128 rows an expert, then CuTe DSL's W4A4 kernel. */
    public static List<Fp4MoeFit.Run> fp4MoeHeldOut() {
        List<Map<String, String>> rows = CalibrationTables.rows("moe-block.csv");
        List<Fp4MoeFit.Run> runs = new ArrayList<>();
        for (Fp4MoeFit.Run r : blockRuns(rows, "pr5301-r1", "TRTLLM NVFP4", 1024)) {
            if (r.tokens() < 8192) {
                runs.add(r);
            }
        }
        runs.addAll(blockRuns(rows, "pr5301-summary", "TRTLLM NVFP4", 1024));
        runs.addAll(blockRuns(rows, "pr5301-summary", "CuteDSL W4A4", 1024));
        return runs;
    }
}
