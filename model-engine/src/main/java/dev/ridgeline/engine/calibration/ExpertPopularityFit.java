package dev.ridgeline.engine.calibration;

/**
 * Fits {@link ExpertPopularity} to a published measurement of expert load per rank, without and with a balancer, on
 * one model and EP size: the dispersion from the balanced spread, then σ so that the model's hottest rank matches the
 * measured imbalance without a balancer.
 * <ul>
 *   <li>Dispersion: with EPLB the static imbalance is nearly gone, so the balanced ranks' spread is sampling and drift:
 *   {@code dispersion = std² / mean} (TensorRT-LLM, EP32 with 9 slots: 52.0² / 1024 = 2.64).</li>
 *   <li>σ: the log-normal spread whose by-id placement gives the measured hottest rank without EPLB,
 *   {@code (max − mean) / mean} (EP32, 8 slots: 1.564), bisected.</li>
 * </ul>
 * What the fit does not use (the balanced imbalance ratios, the unbalanced spread, the per-expert figures) is left to
 * check it (ExpertPopularityTest).
 *
 * @param experts          routed experts of the model measured (DeepSeek-R1: 256)
 * @param ep               ranks of the measurement
 * @param slotsById        expert slots per rank without a balancer (experts / ep)
 * @param meanPerRank      mean routed pairs per rank per step and layer
 * @param imbalanceById    {@code (max − mean) / mean} per rank without a balancer
 * @param balancedStd      standard deviation of the routed pairs per rank with the balancer
 */
public record ExpertPopularityFit(int experts, int ep, int slotsById, double meanPerRank, double imbalanceById,
                                  double balancedStd, String citation) {

    /** The fitted popularity. */
    public ExpertPopularity fit() {
        double dispersion = balancedStd * balancedStd / meanPerRank;
        double z = Normal.expectedMax(ep);
        double noise = z * z * dispersion / meanPerRank;
        // the static excess the hottest rank must have so that, with sampling, its excess is the measured one
        double target = Math.sqrt(Math.max(0, imbalanceById * imbalanceById - noise));
        // The excess rises smoothly with σ (the placements are the same at every σ): the Illinois variant of regula
        // falsi brackets the root as bisection does, in about ten evaluations of the 1,000 placements rather than 40.
        // the placements do not depend on σ: drawn once for every step
        int[][] placements = ExpertPopularity.placements(experts);
        double lo = 0;
        double hi = 4;
        double fLo = excess(lo, placements) - target;
        double fHi = excess(hi, placements) - target;
        int kept = 0; // the end kept by the last step: -1 low, +1 high
        for (int i = 0; i < 60 && hi - lo > 1e-9; i++) {
            double mid = (lo * fHi - hi * fLo) / (fHi - fLo);
            if (!(mid > lo && mid < hi)) {
                mid = (lo + hi) / 2;
            }
            double f = excess(mid, placements) - target;
            if (f == 0) {
                lo = mid;
                hi = mid;
            } else if (f < 0) {
                lo = mid;
                fLo = f;
                fHi = kept == 1 ? fHi / 2 : fHi;
                kept = 1;
            } else {
                hi = mid;
                fHi = f;
                fLo = kept == -1 ? fLo / 2 : fLo;
                kept = -1;
            }
        }
        return new ExpertPopularity((lo + hi) / 2, dispersion, citation);
    }

    /** The by-id excess of the hottest rank at popularity spread {@code sigma}. */
    private double excess(double sigma, int[][] placements) {
        return ExpertPopularity.byIdExcess(new ExpertPopularity(sigma, 0, citation).shares(experts), ep, slotsById,
                placements);
    }
}
