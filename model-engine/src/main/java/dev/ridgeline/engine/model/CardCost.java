package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.inRange;
import static dev.ridgeline.engine.model.Checks.zeroOrInRange;

/**
 * What one card costs to run and what it draws (DESIGN 4d), per card, all-in.
 *
 * <p>The price is a rental price (an all-in card-hour: the card with its share of host, network and facility, as
 * public rental tiers quote it) or, when a purchase price is given, the {@link Tco} form's hourly cost; never both.
 * A card without either has no price: figures that need one are absent, never 0.
 *
 * <p>Power: {@code powerKw} is the card with its share of host and network (IT power, as a system's rated power over
 * its cards gives it); {@code pue} (power usage effectiveness: facility power over IT power) adds cooling and power
 * distribution, so the all-in power is {@code powerKw · pue}. Energy is that all-in power for the whole time: the
 * model draws no distinction between busy and idle, compute- and memory-bound cards (a card's draw depends on its
 * load, but Ridgeline has no cited measurement of how, so it counts the rated power, an upper bound).
 *
 * @param rentalDollarsPerHour all-in rental price of one card-hour, dollars; 0 when none is given
 * @param tco                  the purchase form; {@link Tco#used()} false when not given
 * @param powerKw              the card with its share of host and network, kW; 0 when not known
 * @param pue                  facility power over IT power, 1 to {@value #MAX_PUE}
 * @param priceSource          where the price comes from (the URL, what was read), or why there is none; one line
 * @param powerSource          where the power and the PUE come from; one line
 * @param asOf                 when the price was read ("2026-02"); empty when not known (a typed price)
 */
public record CardCost(double rentalDollarsPerHour, Tco tco, double powerKw, double pue, String priceSource,
                       String powerSource, String asOf) {
    /** Highest all-in price of a card-hour (today's dearest rentals are about $15; a typo such as 20000 is refused). */
    public static final double MAX_DOLLARS_PER_HOUR = 1000;
    public static final double MIN_DOLLARS_PER_HOUR = 0.01;
    /** One card's power with its share of the host: 1 W to 100 kW (today: 0.3 to 2.5 kW). */
    public static final double MIN_POWER_KW = 0.001;
    public static final double MAX_POWER_KW = 100;
    /** PUE: 1 (no facility overhead) to 3 (the worst surveyed sites are near 2.5). */
    public static final double MAX_PUE = 3;
    /** Hours in a year of 365.25 days: the amortisation counts every hour, as a rental does. */
    public static final double HOURS_PER_YEAR = 365.25 * 24;
    /** Longest text a source or a date may have. */
    static final int MAX_TEXT = 2000;

    /** No price and no power: what a chip saved before Ridgeline knew prices has. */
    public static final CardCost NONE = new CardCost(0, Tco.NONE, 0, 1, "no price given", "no power given", "");

    public CardCost {
        String owner = "cost";
        zeroOrInRange(rentalDollarsPerHour, MIN_DOLLARS_PER_HOUR, MAX_DOLLARS_PER_HOUR, "dollarsPerCardHour", owner);
        Checks.present(tco, "tco", owner);
        zeroOrInRange(powerKw, MIN_POWER_KW, MAX_POWER_KW, "powerKw", owner);
        inRange(pue, 1, MAX_PUE, "pue", owner);
        priceSource = line(priceSource, "priceSource");
        powerSource = line(powerSource, "powerSource");
        asOf = line(asOf, "asOf");
        if (rentalDollarsPerHour > 0 && tco.used()) {
            throw Checks.refused("dollarsPerCardHour", rentalDollarsPerHour, owner,
                    "must be 0 when a purchase price is given (the TCO form sets the price)");
        }
        if (tco.used() && powerKw == 0) {
            throw Checks.refused("powerKw", powerKw, owner, "must be > 0 when a purchase price is given (the TCO "
                    + "form prices the electricity)");
        }
    }

    private static String line(String text, String field) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_TEXT || t.codePoints().anyMatch(Checks::invisible)) {
            throw new IllegalArgumentException(field + " must be one line of at most " + MAX_TEXT
                    + " characters, was " + Checks.quote(t) + " (cost)");
        }
        return t;
    }

    /** True when the card has a price (a rental price or a purchase price). */
    public boolean priced() {
        return rentalDollarsPerHour > 0 || tco.used();
    }

    /** True when the card's power is known. */
    public boolean powered() {
        return powerKw > 0;
    }

    /** Dollars per card-hour: the rental price, or the TCO form's; 0 when the card has no price. */
    public double dollarsPerHour() {
        return tco.used() ? tco.hourlyDollars(allInKw()) : rentalDollarsPerHour;
    }

    /** The card with its shares of host, network and facility: {@code powerKw · pue}, kW; 0 when not known. */
    public double allInKw() {
        return powerKw * pue;
    }

    /**
     * Dollars per million tokens at {@code tokensPerSec} per card: {@code price / (tokens/s · 3600 / 10^6)} (DESIGN
     * 4d). Only for a priced card and a positive rate.
     */
    public double dollarsPerMillionTokens(double tokensPerSec) {
        return dollarsPerHour() / (tokensPerSec * 3600 / 1e6);
    }

    /** Joules per token at {@code tokensPerSec} per card: all-in watts over tokens per second. Only for a powered card. */
    public double joulesPerToken(double tokensPerSec) {
        return allInKw() * 1000 / tokensPerSec;
    }

    /** Tokens per second per all-in kW. Only for a powered card. */
    public double tokensPerSecPerKw(double tokensPerSec) {
        return tokensPerSec / allInKw();
    }

    /** Dollars a day for {@code cards} cards, every hour paid: {@code cards · price · 24}. */
    public double dollarsPerDay(double cards) {
        return cards * dollarsPerHour() * 24;
    }

    /**
     * "$2.00 per card-hour (as of 2025-02-28; SOURCE)": the price with where and when it was read, as every cost figure
     * shows it; without one, why ("no price given", or the source's reason).
     */
    public String priceNote() {
        if (!priced()) {
            return priceSource.startsWith("no ") ? priceSource : "no price (" + priceSource + ")";
        }
        String how = tco.used() ? String.format(java.util.Locale.ROOT, "$%.2f per card-hour from the TCO form", dollarsPerHour())
                : String.format(java.util.Locale.ROOT, "$%.2f per card-hour", rentalDollarsPerHour);
        return how + " (" + (asOf.isEmpty() ? "" : "as of " + asOf + "; ") + priceSource + ")";
    }

    /**
     * "1.66 kW all-in (1.275 kW x PUE 1.3; SOURCE)": the power with where it was read, as every energy figure shows it;
     * "no power given" without one.
     */
    public String powerNote() {
        if (!powered()) {
            return powerSource.startsWith("no ") ? powerSource : "no power (" + powerSource + ")";
        }
        return String.format(java.util.Locale.ROOT, "%.3g kW all-in (%.4g kW x PUE %.3g; ", allInKw(), powerKw, pue)
                + powerSource + ")";
    }

    /** The source a price or power typed by the user (the chip editor, {@code --chip-field}) is given. */
    public static final String EDITED = "edited by the user";

    /** This cost, its price typed by the user: the preset's price source and date no longer describe it. */
    public CardCost priceEdited() {
        return new CardCost(rentalDollarsPerHour, tco, powerKw, pue, EDITED, powerSource, "");
    }

    /** This cost, its power or PUE typed by the user. */
    public CardCost powerEdited() {
        return new CardCost(rentalDollarsPerHour, tco, powerKw, pue, priceSource, EDITED, asOf);
    }

    /** A rental price (a purchase price given before is dropped: the two are exclusive). */
    public CardCost withRental(double dollarsPerHour) {
        return new CardCost(dollarsPerHour, dollarsPerHour > 0 ? tco.withPurchase(0) : tco, powerKw, pue, priceSource,
                powerSource, asOf);
    }

    /** The TCO form (a rental price given before is dropped when the form has a purchase price). */
    public CardCost withTco(Tco v) {
        return new CardCost(v.used() ? 0 : rentalDollarsPerHour, v, powerKw, pue, priceSource, powerSource, asOf);
    }

    public CardCost withPower(double kw) {
        return new CardCost(rentalDollarsPerHour, tco, kw, pue, priceSource, powerSource, asOf);
    }

    public CardCost withPue(double v) {
        return new CardCost(rentalDollarsPerHour, tco, powerKw, v, priceSource, powerSource, asOf);
    }

    public CardCost withPriceSource(String v) {
        return new CardCost(rentalDollarsPerHour, tco, powerKw, pue, v, powerSource, asOf);
    }

    public CardCost withPowerSource(String v) {
        return new CardCost(rentalDollarsPerHour, tco, powerKw, pue, priceSource, v, asOf);
    }

    public CardCost withAsOf(String v) {
        return new CardCost(rentalDollarsPerHour, tco, powerKw, pue, priceSource, powerSource, v);
    }

    /**
     * The purchase ("total cost of ownership") form of the price: the card's purchase price (with its share of server
     * and network) spread evenly over the amortisation years, plus the electricity its all-in power draws every hour.
     * No interest, maintenance or staff: add them to the purchase price.
     *
     * @param purchaseDollars purchase price per card, dollars; 0 when the form is not used
     * @param years           amortisation period, years
     * @param dollarsPerKwh   electricity price, dollars per kWh
     */
    public record Tco(double purchaseDollars, double years, double dollarsPerKwh) {
        public static final double MIN_PURCHASE = 100;
        public static final double MAX_PURCHASE = 1e7;
        public static final double MIN_YEARS = 0.5;
        public static final double MAX_YEARS = 30;
        public static final double MIN_DOLLARS_PER_KWH = 0.001;
        public static final double MAX_DOLLARS_PER_KWH = 10;
        /**
         * The form's starting values, to edit: 5 years and $0.08 per kWh are round placeholders (a server's usual
         * depreciation period, an industrial tariff's order of magnitude), not measurements.
         */
        public static final Tco NONE = new Tco(0, 5, 0.08);

        public Tco {
            String owner = "cost";
            zeroOrInRange(purchaseDollars, MIN_PURCHASE, MAX_PURCHASE, "purchaseDollars", owner);
            inRange(years, MIN_YEARS, MAX_YEARS, "amortisationYears", owner);
            inRange(dollarsPerKwh, MIN_DOLLARS_PER_KWH, MAX_DOLLARS_PER_KWH, "electricityDollarsPerKwh", owner);
        }

        /** True when a purchase price is given. */
        public boolean used() {
            return purchaseDollars > 0;
        }

        /** {@code purchase / (years · 8766 h) + allInKw · $/kWh}: dollars per card-hour. */
        public double hourlyDollars(double allInKw) {
            return purchaseDollars / (years * HOURS_PER_YEAR) + allInKw * dollarsPerKwh;
        }

        public Tco withPurchase(double v) {
            return new Tco(v, years, dollarsPerKwh);
        }

        public Tco withYears(double v) {
            return new Tco(purchaseDollars, v, dollarsPerKwh);
        }

        public Tco withDollarsPerKwh(double v) {
            return new Tco(purchaseDollars, years, v);
        }
    }
}
