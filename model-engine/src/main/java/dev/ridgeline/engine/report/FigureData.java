package dev.ridgeline.engine.report;

import dev.ridgeline.engine.Evaluation;
import java.util.List;

/** What a figure shows: the engine's own results, which the app draws with the window's charts. */
public sealed interface FigureData permits FigureData.Roofline, FigureData.Gantt, FigureData.Frontier,
        FigureData.Tornado, FigureData.Curves, FigureData.Chips, FigureData.PrefillRoofline, FigureData.Served {

    /** Chip against chip at each one's best deployment, as the window's Chips view draws it. */
    record Chips(dev.ridgeline.engine.space.ChipComparison.Result comparison) implements FigureData {
    }

    /** The roofline of the scenario's ops, as the window draws it. */
    record Roofline(Evaluation evaluation) implements FigureData {
    }

    /** The roofline of a prefill step's ops, on the chip as the prefill computes on it. */
    record PrefillRoofline(dev.ridgeline.engine.PrefillEvaluation evaluation) implements FigureData {
    }

    /** A served workload's pools, TTFT and TPOT, as the Served view draws them. */
    record Served(dev.ridgeline.engine.serve.Served served) implements FigureData {
    }

    /** The pipeline Gantt of one layer, as the window draws it. */
    record Gantt(Evaluation evaluation) implements FigureData {
    }

    /**
     * Throughput per card against tokens/s per user over every deployment of a design space.
     *
     * @param points   every deployment evaluated (x = tokens/s per user, y = tokens/s per card)
     * @param frontier the Pareto-optimal ones, by ascending x
     * @param current  the scenario's own point
     * @param best     the best deployment at the target, or null when none reaches it
     * @param targetTokensPerSec the target tokens/s per user
     */
    record Frontier(List<Point> points, List<Point> frontier, Point current, Point best, double targetTokensPerSec)
            implements FigureData {
        public Frontier {
            points = List.copyOf(points);
            frontier = List.copyOf(frontier);
        }
    }

    /** A point of a frontier figure. */
    record Point(double userTokensPerSec, double throughputPerCard) {
    }

    /**
     * Horizontal bars of the relative change of a figure when each knob moves down and up, each with its whisker when
     * the figure has a band.
     *
     * @param metric   what changes ("tokens/s per user")
     * @param bandLow  the figure's P10 over the figure (calibrated fidelity), NaN without a band
     * @param bandHigh the figure's P90 over the figure, NaN without a band
     */
    record Tornado(String metric, List<Bar> bars, double bandLow, double bandHigh) implements FigureData {
        public Tornado {
            bars = List.copyOf(bars);
        }

        /** A tornado without a band (seed fidelity, or a figure without one). */
        public Tornado(String metric, List<Bar> bars) {
            this(metric, bars, Double.NaN, Double.NaN);
        }

        public boolean banded() {
            return bandLow > 0 && bandHigh >= bandLow;
        }
    }

    /** One knob of a tornado: the relative change of the metric with the knob lowered and raised. */
    record Bar(String knob, double lowChange, double highChange) {
    }

    /** Line series on shared axes (log x when {@code logX}). */
    record Curves(String xLabel, String yLabel, boolean logX, List<Series> series) implements FigureData {
        public Curves {
            series = List.copyOf(series);
        }
    }

    /** One line: its name and its points. */
    record Series(String name, double[] x, double[] y) {
    }
}
