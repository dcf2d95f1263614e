package dev.ridgeline.engine.io;

import dev.ridgeline.engine.calibration.Calibration;
import dev.ridgeline.engine.calibration.DeepEpFit;
import dev.ridgeline.engine.calibration.ExpertPopularity;
import dev.ridgeline.engine.calibration.ExpertPopularityFit;
import dev.ridgeline.engine.calibration.FlashMlaFit;
import dev.ridgeline.engine.calibration.GqaDecodeFit;
import dev.ridgeline.engine.calibration.MoeBlockFit;
import dev.ridgeline.engine.calibration.GemmPoint;
import dev.ridgeline.engine.calibration.GemmTable;
import dev.ridgeline.engine.calibration.PrefillKernels;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.roofline.MlaCompute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@link Calibration} from the CSV tables in the assets jar ({@code calibration/*.csv}, copied verbatim from
 * the project's calibration folder, each row with its source).
 */
public final class CalibrationTables {
    /** DeepGEMM README version whose tables are used: the last one that published them. */
    public static final String DEEPGEMM_VERSION = "v3_last_with_tables";
    /** DeepEP README version of the low-latency table (CX7, pure RDMA). */
    public static final String DEEPEP_VERSION = "v1_initial";
    /** The shape of FlashMLA's test script used for the compute-bound headline: batch 128, s_q 2, 128 heads, 4096 keys. */
    static final int REF_BATCH = 128;
    static final int REF_SQ = 2;
    static final int REF_HEADS = 128;
    static final int REF_KEYS = 4096;

    private CalibrationTables() {
    }

    private static final class Holder {
        static final Calibration BUILT_IN = load(Presets.builtIn());
    }

    public static Calibration builtIn() {
        return Holder.BUILT_IN;
    }

    private static final Object POPULARITY_LOCK = new Object();
    private static volatile ExpertPopularity fittedPopularity;

    /**
     * The expert popularity fitted to {@code eplb.csv}, once per process. It needs no preset, so a command's start-up
     * can have it made on a thread of its own while another reads the presets the rest of the calibration needs. A
     * failure is not remembered: the next call fails again in the same words (a class initialiser's failure would
     * read "Could not initialize class" after the first).
     */
    public static ExpertPopularity fittedPopularity() {
        ExpertPopularity fitted = fittedPopularity;
        if (fitted == null) {
            synchronized (POPULARITY_LOCK) {
                fitted = fittedPopularity;
                if (fitted == null) {
                    fitted = expertPopularityFit().fit();
                    fittedPopularity = fitted;
                }
            }
        }
        return fitted;
    }

    public static List<Map<String, String>> rows(String file) {
        return Csv.parse(Presets.resource("calibration/" + file), "calibration/" + file);
    }

    static Calibration load(Catalog catalog) {
        Chip h800 = catalog.chip("H800");
        List<GemmPoint> dense = new ArrayList<>();
        List<GemmPoint> grouped = new ArrayList<>();
        List<GemmPoint> contiguous = new ArrayList<>();
        for (Map<String, String> r : rows("deepgemm.csv")) {
            if (!r.get("readme_version").equals(DEEPGEMM_VERSION)) {
                continue;
            }
            GemmPoint p = new GemmPoint(r.get("kernel"), Integer.parseInt(r.get("num_groups")),
                    Integer.parseInt(r.get("m_per_group")), Integer.parseInt(r.get("n")), Integer.parseInt(r.get("k")),
                    Double.parseDouble(r.get("tflops")), r.get("source"));
            if (p.kernel().equals("normal_dense")) {
                dense.add(p);
            } else if (p.kernel().equals("grouped_masked")) {
                grouped.add(p);
            } else if (p.kernel().equals("grouped_contiguous")) {
                contiguous.add(p);
            }
        }
        // the routed block's line and the FP4 experts' fit from one reading of the file, the line fitted once; so
        // DeepEP's low-latency and normal kernels, and the prefill attention's fit and its held-out rows
        List<Map<String, String>> moe = rows("moe-block.csv");
        MoeBlockFit block = MoeTables.moeBlock(moe);
        List<Map<String, String>> deepEp = rows("deepep.csv");
        List<Map<String, String>> prefillAttention = rows("prefill-attention.csv");
        return new Calibration(new GemmTable(dense, h800.fp8FlopsPerSec(), h800.hbmBandwidthBytesPerSec()),
                new GemmTable(grouped, h800.fp8FlopsPerSec(), h800.hbmBandwidthBytesPerSec()),
                flashMla(catalog), deepEp(deepEp), catalog.nic("CX7").bandwidthBytesPerSec(), fittedPopularity(),
                new PrefillKernels(PrefillTables.attention(prefillAttention),
                        new GemmTable(contiguous, h800.fp8FlopsPerSec(), h800.hbmBandwidthBytesPerSec()),
                        PrefillTables.normalEp(deepEp), PrefillTables.attentionHeldOut(prefillAttention)),
                gqaDecode(catalog), block,
                GemmFloorTables.gemmFloor(catalog), MoeTables.fp4Moe(moe, block));
    }

    /**
     * GQA decode from {@code gqa-decode.csv}: FlashInfer's tensor-core fraction from H20's row (bytes over time over
     * HBM); the CUDA-core fraction from the line through H20's runs with one query head per KV head (bandwidth-bound).
     */
    static GqaDecodeFit gqaDecode(Catalog catalog) {
        double hbm = catalog.chip("H20").hbmBandwidthBytesPerSec();
        List<GqaDecodeFit.Run> runs = new ArrayList<>();
        Map<CalibrationKey, Double> tensor = new HashMap<>();
        String tensorSource = "";
        String cudaSource = "";
        for (Map<String, String> r : rows("gqa-decode.csv")) {
            if (!r.get("gpu").equals("H20") || !r.get("kernel").startsWith("FlashInfer")) {
                continue;
            }
            int batch = Integer.parseInt(r.get("batch"));
            int keys = Integer.parseInt(r.get("kv_len"));
            int qHeads = Integer.parseInt(r.get("h_q"));
            int kvHeads = Integer.parseInt(r.get("h_kv"));
            double bytes = 2.0 * batch * keys * kvHeads * Integer.parseInt(r.get("head_dim")) * 2; // K and V, FP16
            double sec = Double.parseDouble(r.get("time_ms")) * 1e-3;
            if (r.get("kernel").contains("tensor cores")) {
                tensor.put(CalibrationKey.H20, bytes / sec / hbm);
                tensorSource = String.format(Locale.ROOT, "FlashInfer tensor-core decode %.0f GB/s on H20, %d query "
                        + "/ %d KV heads (%s)", bytes / sec / 1e9, qHeads, kvHeads, r.get("source"));
            } else if (qHeads == kvHeads) {
                runs.add(new GqaDecodeFit.Run(String.format(Locale.ROOT, "FlashInfer decode H20 B%d L%d %dH", batch,
                        keys, kvHeads), bytes, sec));
                cudaSource = r.get("source");
            }
        }
        double[] line = GqaDecodeFit.line(runs);
        double cuda = 1 / (line[1] * hbm);
        return new GqaDecodeFit(tensor, Map.of(CalibrationKey.H20, cuda), runs, hbm, tensorSource,
                String.format(Locale.ROOT, "FlashInfer CUDA-core decode at %.0f %% of H20's HBM over %d runs (%s)",
                        100 * cuda, runs.size(), cudaSource));
    }

    /**
     * The expert-popularity fit to TensorRT-LLM's DeepSeek-R1 measurement on 32 GB200 ({@code eplb.csv}): the rank
     * figures without EPLB (EP32, 8 slots) and with it (EP32, 9 slots); the other rows are left to check the fit.
     */
    public static ExpertPopularityFit expertPopularityFit() {
        Map<String, String> byId = null;
        Map<String, String> balanced = null;
        for (Map<String, String> r : rows("eplb.csv")) {
            if (r.get("unit").equals("rank") && r.get("case").equals("no_eplb_ep32")) {
                byId = r;
            } else if (r.get("unit").equals("rank") && r.get("case").equals("eplb_ep32")) {
                balanced = r;
            }
        }
        if (byId == null || balanced == null) {
            throw new PresetException("calibration/eplb.csv: rows 'no_eplb_ep32' and 'eplb_ep32' per rank are missing");
        }
        int ep = Integer.parseInt(byId.get("ep"));
        int slots = Integer.parseInt(byId.get("slots_per_rank"));
        return new ExpertPopularityFit(ep * slots, ep, slots, Double.parseDouble(byId.get("mean")),
                Double.parseDouble(byId.get("imbalance_ratio")), Double.parseDouble(balanced.get("std_dev")),
                "TensorRT-LLM EPLB, DeepSeek-R1 on 32 GB200, Table 1 (" + byId.get("source") + ")");
    }

    /** Seconds the seed's FlashMLA compute model gives at a FlashMLA test shape on a chip (BF16, the chip's FA3). */
    public static double modelMlaSeconds(Chip chip, int batch, int sq, int heads, int keys) {
        double scores = (double) batch * sq * heads * keys;
        return MlaCompute.seconds(chip, chip.fa3Mode(), scores, 576, 512, Dtype.BF16);
    }

    static double mlaFlops(int batch, int sq, int heads, int keys) {
        return 2.0 * batch * sq * heads * (double) keys * (576 + 512);
    }

    static FlashMlaFit flashMla(Catalog catalog) {
        return flashMla(catalog, rows("flashmla.csv"));
    }

    /**
     * The FlashMLA fit from a subset of the rows of {@code flashmla.csv} (the built-in fit uses them all); tests
     * refit without one row to predict it (leave-one-out).
     */
    public static FlashMlaFit flashMla(Catalog catalog, List<Map<String, String>> rows) {
        Map<CalibrationKey, Double> memory = new HashMap<>();
        Map<CalibrationKey, Double> compute = new HashMap<>();
        Map<String, String> citations = new HashMap<>();
        Chip h800 = catalog.chip("H800");
        for (Map<String, String> r : rows) {
            if (r.get("gpu").startsWith("H800") && r.get("kernel").startsWith("dense MLA decode (new kernel")) {
                double gbps = Double.parseDouble(r.get("gbps"));
                double tflops = Double.parseDouble(r.get("tflops"));
                memory.put(CalibrationKey.H800, gbps * 1e9 / h800.hbmBandwidthBytesPerSec());
                double measured = mlaFlops(REF_BATCH, REF_SQ, REF_HEADS, REF_KEYS) / (tflops * 1e12);
                compute.put(CalibrationKey.H800, measured / modelMlaSeconds(h800, REF_BATCH, REF_SQ, REF_HEADS, REF_KEYS));
                citations.put("H800.memory", String.format(Locale.ROOT, "FlashMLA %.0f GB/s on H800 (%s)", gbps, r.get("source")));
                citations.put("H800.compute", String.format(Locale.ROOT, "FlashMLA %.0f TFLOPS compute-bound on H800 (%s)", tflops, r.get("source")));
            }
        }
        Chip h20 = catalog.chip("H20");
        List<Double> ratios = new ArrayList<>();
        double sum = 0;
        int n = 0;
        String source = "";
        for (Map<String, String> r : rows) {
            if (r.get("gpu").equals("H20") && !r.get("time_ms").isEmpty()) {
                int batch = Integer.parseInt(r.get("batch"));
                int sq = Integer.parseInt(r.get("s_q"));
                int heads = Integer.parseInt(r.get("h_q"));
                int keys = Integer.parseInt(r.get("mean_seqlen_k"));
                double ratio = Double.parseDouble(r.get("time_ms")) * 1e-3 / modelMlaSeconds(h20, batch, sq, heads, keys);
                ratios.add(ratio);
                sum += ratio;
                n++;
                source = r.get("source");
            }
        }
        if (n > 0) {
            compute.put(CalibrationKey.H20, sum / n);
            citations.put("H20.compute", "FlashMLA mean of " + n + " community runs on H20 (" + source + ")");
        }
        return new FlashMlaFit(memory, compute, citations, n > 0 ? Map.of(CalibrationKey.H20, ratios) : Map.of(),
                Map.of(CalibrationKey.H800, new double[] {h800.fp8FlopsPerSec(), h800.hbmBandwidthBytesPerSec()},
                        CalibrationKey.H20, new double[] {h20.fp8FlopsPerSec(), h20.hbmBandwidthBytesPerSec()}));
    }

    /** DeepEP README version whose low-latency EP8 run sends intranode peers over NVLink (PR 173). */
    public static final String DEEPEP_NVLINK_VERSION = "v1_ll_nvlink_pr173";

    /**
     * The DeepEP fit (see {@link DeepEpFit}). The fixed latency of each op is the assumption: at EP8 every peer is in
     * the node, so PR 173's low-latency run moves the bytes over NVLink, at the bandwidth DeepEP's normal intranode
     * kernels reach on H800 (153 GB/s dispatch, 158 GB/s combine, v1 README); what the EP8 latency leaves beyond
     * {@code bytes / that bandwidth} is the kernels' fixed cost: 77 - 7.57 MB / 153 GB/s = 27.5 µs (dispatch), 114 -
     * 14.68 MB / 158 GB/s = 21.1 µs (combine). It holds at every EP size and NIC. {@code rows} are deepep.csv's.
     */
    static DeepEpFit deepEp(List<Map<String, String>> rows) {
        Map<Integer, double[]> byEp = new TreeMap<>();
        double[] nvlinkEp8 = new double[2];
        double[] intranodeGBps = new double[2];
        String source = "";
        String nvlinkSource = "";
        for (Map<String, String> r : rows) {
            int op = r.get("op").equals("dispatch") ? 0 : 1;
            String version = r.get("readme_version");
            boolean lowLatency = r.get("kernel_family").equals("low_latency");
            if (version.equals(DEEPEP_VERSION) && lowLatency) {
                int ep = Integer.parseInt(r.get("num_ep_ranks"));
                byEp.computeIfAbsent(ep, k -> new double[2])[op] = Double.parseDouble(r.get("latency_us")) * 1e-6;
                source = r.get("source");
            } else if (version.equals(DEEPEP_NVLINK_VERSION) && lowLatency && r.get("num_ep_ranks").equals("8")) {
                nvlinkEp8[op] = Double.parseDouble(r.get("latency_us")) * 1e-6;
                nvlinkSource = r.get("source");
            } else if (version.equals(DEEPEP_VERSION) && r.get("topology").equals("Intranode")) {
                intranodeGBps[op] = Double.parseDouble(r.get("bottleneck_bw_gbps"));
            }
        }
        double dispatchFixed = nvlinkEp8[0] - DISPATCH_BYTES / (intranodeGBps[0] * 1e9);
        double combineFixed = nvlinkEp8[1] - COMBINE_BYTES / (intranodeGBps[1] * 1e9);
        List<DeepEpFit.Point> dispatch = new ArrayList<>();
        List<DeepEpFit.Point> combine = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : byEp.entrySet()) {
            double[] lat = e.getValue();
            dispatch.add(new DeepEpFit.Point(e.getKey(), lat[0], DISPATCH_BYTES / (lat[0] - dispatchFixed)));
            combine.add(new DeepEpFit.Point(e.getKey(), lat[1], COMBINE_BYTES / (lat[1] - combineFixed)));
        }
        String fixedCitation = String.format(Locale.ROOT, "EP8 over NVLink %.0f / %.0f µs less the bytes at %.0f / %.0f GB/s, %s",
                nvlinkEp8[0] * 1e6, nvlinkEp8[1] * 1e6, intranodeGBps[0], intranodeGBps[1], nvlinkSource);
        return new DeepEpFit(dispatch, combine, dispatchFixed, combineFixed, DISPATCH_BYTES, COMBINE_BYTES, source,
                fixedCitation);
    }

    /** Bytes per rank in DeepEP's low-latency benchmark: 128 tokens x top-8 x 7168, FP8 + one float scale per 128. */
    public static final double DISPATCH_BYTES = 128.0 * 8 * (7168 + 7168 / 128 * 4);
    /** Combine: the same pairs in BF16. */
    public static final double COMBINE_BYTES = 128.0 * 8 * 7168 * 2;

    /**
     * RFC 4180 CSV: a field in double quotes may hold commas, line ends and quotes written twice; a record ends at LF,
     * CR or CR LF; a blank line is skipped. Text between the special characters is copied by range, not a character
     * at a time, and the one loop that still runs per character is a method of its own: the tables (about 140 kB,
     * a quoted source on nearly every row) are read at every start, where the character loop, inside the whole
     * reader, was compiled twice mid-loop, the second time by C2 for one to one and a half seconds of a loaded core
     * (the window's cold start, 2026-12-07).
     */
    static final class Csv {
        private Csv() {
        }

        static List<Map<String, String>> parse(String text, String file) {
            List<List<String>> records = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '"') {
                    i = quoted(text, i + 1, field);
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    i++;
                } else if (c == '\n' || c == '\r') {
                    i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                    fields.add(field.toString());
                    field.setLength(0);
                    if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                        records.add(fields);
                    }
                    fields = new ArrayList<>();
                } else {
                    int end = plainEnd(text, i);
                    field.append(text, i, end);
                    i = end;
                }
            }
            if (field.length() > 0 || !fields.isEmpty()) {
                fields.add(field.toString());
                records.add(fields);
            }
            List<String> header = records.get(0);
            List<Map<String, String>> out = new ArrayList<>();
            for (int r = 1; r < records.size(); r++) {
                if (records.get(r).size() != header.size()) {
                    throw new PresetException(file + ": row " + (r + 1) + " has " + records.get(r).size()
                            + " fields, the header " + header.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    row.put(header.get(c), records.get(r).get(c));
                }
                out.add(row);
            }
            return out;
        }

        /**
         * The end of the unquoted text from {@code i}: the next comma, quote or line end. A method of its own, small,
         * as the loop the tables make hot: compiling it (on the stack, mid-loop) is then cheap.
         */
        private static int plainEnd(String text, int i) {
            int n = text.length();
            for (char c; i < n && (c = text.charAt(i)) != ',' && c != '"' && c != '\n' && c != '\r'; i++) {
                // scans
            }
            return i;
        }

        /**
         * Appends the quoted text from {@code from} (just after the opening quote) to {@code field}, a quote written
         * twice as one; returns the index after the closing quote, or the text's end when none closes it.
         */
        private static int quoted(String text, int from, StringBuilder field) {
            int j = from;
            while (true) {
                int q = text.indexOf('"', j);
                if (q < 0) {
                    field.append(text, j, text.length());
                    return text.length();
                }
                if (q + 1 < text.length() && text.charAt(q + 1) == '"') {
                    field.append(text, j, q + 1);
                    j = q + 2;
                } else {
                    field.append(text, j, q);
                    return q + 1;
                }
            }
        }
    }
}
