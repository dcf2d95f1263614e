package dev.ridgeline.engine.model;

import java.util.Locale;

/**
 * Element type of the routed experts' weights (and, for the 4-bit formats, of the activations their GEMMs take: W4A4
 * as NVIDIA's and AMD's FP4 checkpoints of DeepSeek-R1 run them). Separate from the non-expert weights, which stay
 * FP8 or BF16 ({@link Dtype}) as deployments run them. Bytes per element include the block scales:
 * <ul>
 *   <li>{@link #FP8}: 1 byte (DeepSeek's 128x128 block scales add 1/4096 of a byte per element, left out as today).</li>
 *   <li>{@link #BF16}: 2 bytes.</li>
 *   <li>{@link #NVFP4}: 4-bit E2M1 values in 16-element blocks, each with an FP8 (E4M3) scale: 0.5 + 1/16 =
 *   0.5625 byte (NVIDIA, "Introducing NVFP4", https://developer.nvidia.com/blog/introducing-nvfp4-for-efficient-and-accurate-low-precision-inference/;
 *   the per-tensor FP32 scale is negligible).</li>
 *   <li>{@link #MXFP4}: 4-bit E2M1 values in 32-element blocks, each with an 8-bit power-of-two (E8M0) scale: 0.5 +
 *   1/32 = 0.53125 byte (OCP Microscaling Formats (MX) v1.0 specification).</li>
 * </ul>
 * The 4-bit formats run at the chip's FP4 tensor rate ({@link Chip#fp4FlopsPerSec()}); a chip without one cannot run
 * them.
 */
public enum ExpertDtype implements Labelled {
    FP8(1.0), BF16(2.0), NVFP4(0.5 + 1.0 / 16), MXFP4(0.5 + 1.0 / 32);

    private final double bytes;

    ExpertDtype(double bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element, block scales included. */
    public double bytesPerElement() {
        return bytes;
    }

    /** True for the 4-bit formats, which need the chip's FP4 tensor rate. */
    public boolean fp4() {
        return this == NVFP4 || this == MXFP4;
    }

    /** "FP8", "BF16", "NVFP4", "MXFP4": the constant names, which are the usual acronyms. */
    @Override
    public String label() {
        return name();
    }

    /** The expert dtype of the same element type as a non-expert {@link Dtype} (FP8 or BF16). */
    public static ExpertDtype of(Dtype d) {
        return d == Dtype.FP8 ? FP8 : BF16;
    }

    /**
     * The dtype a flag or field names, case-insensitive: fp8, bf16, nvfp4, mxfp4, or fp4 (= NVFP4, the format
     * NVIDIA's DeepSeek-R1 checkpoints use).
     */
    public static ExpertDtype parse(String text) {
        String v = text.strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "fp4": return NVFP4;
            case "fp8": return FP8;
            case "bf16": return BF16;
            case "nvfp4": return NVFP4;
            case "mxfp4": return MXFP4;
            default: throw new IllegalArgumentException("expected fp4, nvfp4, mxfp4, fp8 or bf16");
        }
    }
}
