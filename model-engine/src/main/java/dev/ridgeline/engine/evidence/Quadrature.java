package dev.ridgeline.engine.evidence;

/**
 * How independent kernel families' uncertainties combine into a time's P10-P90 band, for decode ({@link Bands}) and
 * prefill ({@link PrefillBands}) alike: each family is moved to the P10 and to the P90 end of its spread, and the
 * larger move in each direction counts once (a family whose two ends both lengthen the step, as a pipeline's critical
 * path can make them, widens only the high side, by the larger of the two); the families' log changes add in
 * quadrature, each side apart. Mutable, one per band.
 */
final class Quadrature {
    private double up;
    private double down;

    /** One family: the log change of the time with its ops at their P10 and at their P90. */
    void add(double logAtP10, double logAtP90) {
        double longer = Math.max(0, Math.max(logAtP10, logAtP90));
        double shorter = Math.min(0, Math.min(logAtP10, logAtP90));
        up += longer * longer;
        down += shorter * shorter;
    }

    /** The band of the time {@code t} the changes were measured against. */
    Band time(double t) {
        return new Band(t * Math.exp(-Math.sqrt(down)), t * Math.exp(Math.sqrt(up)));
    }

    /** The band of a figure proportional to {@code 1 / t} (a rate), whose time band is {@link #time}. */
    Band rate(double figure) {
        return new Band(figure * Math.exp(-Math.sqrt(up)), figure * Math.exp(Math.sqrt(down)));
    }
}
