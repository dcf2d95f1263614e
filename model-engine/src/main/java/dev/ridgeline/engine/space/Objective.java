package dev.ridgeline.engine.space;

import dev.ridgeline.engine.model.CardCost;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Chip;
import java.util.Locale;

/**
 * What the design-space views maximise (DESIGN 4d): decode throughput per card, per dollar or per watt.
 *
 * <p>Each is a <em>score</em>, higher is better, from a chip and its tokens/s per card: tokens/s per card; million
 * tokens per dollar; tokens per joule. People read the last two upside down, so each objective also has a
 * <em>figure</em> in the unit they quote: tokens/s per card, dollars per million output tokens, joules per output
 * token. A chip without a price (power) scores 0 on cost (power), which every view reports as "no price" (power),
 * never as a figure.
 *
 * <p>A card's price and power do not depend on how it is deployed, so for one chip the three scores rank deployments
 * alike: the best deployment at a target is the same whatever the objective. The objective decides between chips
 * (a faster, dearer chip can lose on cost) and what a chip field is worth (its price is a knob like its bandwidth).
 * Decode only: the tokens are output tokens of the decode phase; a served workload's figures (prefill cards and input
 * tokens too) are {@link dev.ridgeline.engine.serve.ServedCost}'s, which {@code serve --objective} headlines.
 */
public enum Objective {
    /** Tokens/s per card. */
    THROUGHPUT("throughput", "tokens/s per card", "tokens/s per card"),
    /** Output tokens per dollar; shown as dollars per million output tokens. */
    COST("cost", "$ per million output tokens", "$/Mtok"),
    /** Output tokens per joule of all-in power; shown as joules per output token. */
    POWER("power", "joules per output token", "J/token"),
    /**
     * A served workload's output tokens/s per card over its prefill and decode cards (or co-located, when that serves
     * more), the pools re-sized at each point ({@link ServedRate}); the target's user speed is the workload's.
     */
    SERVED("served", "served output tokens/s per card", "served tokens/s per card");

    /** The objectives of decode alone (a chip comparison ranks by these; {@link #SERVED} sizes a workload). */
    public static final java.util.List<Objective> DECODE = java.util.List.of(THROUGHPUT, COST, POWER);

    private final String label;
    private final String figureName;
    private final String unit;

    Objective(String label, String figureName, String unit) {
        this.label = label;
        this.figureName = figureName;
        this.unit = unit;
    }

    /** The command line's word: throughput, cost, power. */
    public String label() {
        return label;
    }

    /** What the figure is: "$ per million output tokens". */
    public String figureName() {
        return figureName;
    }

    /** The figure's short unit: "$/Mtok". */
    public String unit() {
        return unit;
    }

    /** True when a smaller figure is better (dollars, joules). */
    public boolean figureFalls() {
        return this == COST || this == POWER;
    }

    /** True when the score is tokens/s per card (of decode, or served over both pools): no price or power read. */
    public boolean perCard() {
        return this == THROUGHPUT || this == SERVED;
    }

    /** The objective of that command-line word (case-insensitive), or an exception naming the words. */
    public static Objective ofLabel(String word) {
        for (Objective o : values()) {
            if (o.label.equalsIgnoreCase(word.strip())) {
                return o;
            }
        }
        throw new IllegalArgumentException("expected throughput, cost, power or served, was " + Checks.quote(word));
    }

    /** True when the chip has what this objective needs (a price for cost, a power for power). */
    public boolean available(Chip chip) {
        CardCost c = chip.cost();
        return perCard() || (this == COST ? c.priced() : c.powered());
    }

    /** Why a chip has no score: "chip 'H20' has no price". */
    public String missing(Chip chip) {
        return "chip " + Checks.quote(chip.name()) + " has no " + (this == COST ? "price" : "power");
    }

    /** Higher is better; 0 when the chip lacks the input or the throughput is 0 (nothing reaches the target). */
    public double score(Chip chip, double tokensPerSecPerCard) {
        if (!(tokensPerSecPerCard > 0) || !available(chip)) {
            return 0;
        }
        CardCost c = chip.cost();
        switch (this) {
            case COST:
                return 1 / c.dollarsPerMillionTokens(tokensPerSecPerCard);
            case POWER:
                return 1 / c.joulesPerToken(tokensPerSecPerCard);
            default:
                return tokensPerSecPerCard;
        }
    }

    /** The figure of a positive score: tokens/s per card, $/Mtok or J/token. */
    public double figure(double score) {
        return perCard() ? score : 1 / score;
    }

    /**
     * The change of the figure from {@code baseScore} to {@code movedScore}: tokens/s per card (0 for nothing reaching
     * the target), or dollars or joules, NaN when either score has no figure.
     */
    public double figureChange(double movedScore, double baseScore) {
        if (perCard()) {
            return movedScore - baseScore;
        }
        return movedScore > 0 && baseScore > 0 ? figure(movedScore) - figure(baseScore) : Double.NaN;
    }

    /** The score of a figure (the inverse of {@link #figure}), e.g. for a goal typed as "$0.10 per million". */
    public double scoreOf(double figure) {
        return perCard() ? figure : 1 / figure;
    }

    /** "0.412 $/Mtok", "3,864 tokens/s per card", "1.23 J/token". */
    public String shown(double score) {
        if (!(score > 0)) {
            return "none";
        }
        double f = figure(score);
        switch (this) {
            case COST:
                return String.format(Locale.ROOT, f >= 10 ? "$%,.1f" : f >= 0.1 ? "$%.3f" : "$%.4f", f) + " per million output tokens";
            case POWER:
                return String.format(Locale.ROOT, f >= 10 ? "%,.1f" : "%.3f", f) + " J per output token";
            case SERVED:
                return String.format(Locale.ROOT, "%,.0f", f) + " served output tokens/s per card";
            default:
                return String.format(Locale.ROOT, "%,.0f", f) + " tokens/s per card";
        }
    }

    /**
     * True when the objective reads the knob on this chip: every knob the spec moves; the price (cost); the TCO form's
     * other inputs (cost, when the chip has a purchase price); the power and PUE (power, and cost when the TCO form
     * prices the electricity).
     */
    public boolean reads(Knob k, Chip chip) {
        boolean tco = chip.cost().tco().used();
        switch (k.kind()) {
            case PRICE:
                return this == COST;
            case TCO:
                return this == COST && tco;
            case POWER:
                return this == POWER || (this == COST && tco);
            default:
                return true;
        }
    }
}
