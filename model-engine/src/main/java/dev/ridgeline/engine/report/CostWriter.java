package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.DocBuilder.num;
import static dev.ridgeline.engine.report.DocBuilder.strong;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.TokenCost;
import dev.ridgeline.engine.model.CardCost;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.space.ChipComparison;
import dev.ridgeline.engine.space.Headline;
import dev.ridgeline.engine.space.Objective;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost sections (DESIGN 4d): what an output token costs in dollars and joules at this scenario and at the best
 * deployment at the target, with the price and power it rests on and their sources; then the scenario's chip against
 * the rivals, each at its own best deployment.
 */
final class CostWriter {
    static final String COST = "Cost and power per token";
    static final String CHIPS = "Chip against chip, best against best";

    private CostWriter() {
    }

    static void cost(DocBuilder d, Analyses a) {
        Evaluation e = a.evaluation();
        CardCost c = e.scenario().chip().cost();
        d.section(COST);
        d.p("Dollars per million output tokens = price per card-hour / (tokens/s per card x 3600 / 10^6); joules per "
                + "output token = all-in watts / tokens/s per card; tokens/s per kW = tokens/s per card / all-in kW. ",
                strong("Decode only"), ": the decode cards' price and power over their output tokens; prefill cards and "
                + "input tokens are not counted. Energy is the card's all-in power for the whole time (Ridgeline has no "
                + "cited measurement of how a card's draw depends on its load, so it counts the rated power, an upper "
                + "bound).");
        DocBuilder.TableBuilder t = DocBuilder.table().text("Deployment").number("Tokens/s per card")
                .number("$ per M output tokens").number("J per output token").number("Tokens/s per kW");
        row(t, "this scenario, " + brief(e.scenario()), e.tokenCost());
        Headline.Answer best = a.frontier().answer();
        if (best != null) {
            row(t, "best at " + SpaceWriter.trimmed(a.request().targetTokensPerSec()) + " per user, "
                    + brief(best.deployment()), new TokenCost(c, best.throughputPerCard()));
        }
        d.add(t.build());
        d.p(strong("Price"), ": ", c.priceNote(), ".");
        d.p(strong("Power"), ": ", c.powerNote(), ".");
        if (!c.priced() || !c.powered()) {
            d.p("A figure without its price or power is left out, never shown as 0: set them under Price & power in the "
                    + "chip editor or with ", DocBuilder.code("--chip-field 'Price=2'"), ".");
        }
    }

    /** "EP256, batch 193": the deployment in a table cell (the frontier section gives it whole). */
    private static String brief(dev.ridgeline.engine.model.Scenario d) {
        return "EP" + d.ep() + ", batch " + d.batchPerCard();
    }

    private static void row(DocBuilder.TableBuilder t, String what, TokenCost cost) {
        t.row(what, num(cost.tokensPerSecPerCard(), Unit.TOKENS_PER_SEC),
                cost.dollarsPerMillionOutputTokens().isPresent()
                        ? num(cost.dollarsPerMillionOutputTokens().getAsDouble(), Unit.DOLLARS) : "no price",
                cost.joulesPerOutputToken().isPresent() ? num(cost.joulesPerOutputToken().getAsDouble(), Unit.JOULES)
                        : "no power",
                cost.outputTokensPerSecPerKw().isPresent()
                        ? num(cost.outputTokensPerSecPerKw().getAsDouble(), Unit.RATIO) : "no power");
    }

    static void chips(DocBuilder d, Analyses a) {
        ChipComparison.Result r = a.chips();
        d.section(CHIPS);
        if (r.rows().size() < 2) {
            d.p("No rival chips were given: the report compares the scenario's chip with the ones the Chips view "
                    + "(or ", DocBuilder.code("ridgeline report --compare-chips"), ") names.");
            return;
        }
        d.p("Each chip at its own best deployment at ", num(r.targetTps(), Unit.TOKENS_PER_SEC), " per user (the "
                + "headline over the explorer's design space with the scenario's model, NIC, context and fidelity), "
                + "ranked by dollars per million output tokens. Decode only.");
        DocBuilder.TableBuilder t = DocBuilder.table().text("Chip").number("Tokens/s per card")
                .number("$ per M output tokens").number("J per output token").text("Best deployment")
                .text("Price per card-hour, as of");
        for (ChipComparison.Row row : r.ranked(Objective.COST)) {
            CardCost c = row.chip().cost();
            String price = c.priced() ? String.format(java.util.Locale.ROOT, "$%.2f", c.dollarsPerHour())
                    + (c.asOf().isEmpty() ? "" : ", " + c.asOf()) : "no price";
            if (row.answer() == null) {
                t.row(row.chip().name(), "does not reach the target", "–", "–", "–", price);
                continue;
            }
            TokenCost tc = row.tokenCost();
            t.row(row.chip().name(), num(row.answer().throughputPerCard(), Unit.TOKENS_PER_SEC),
                    tc.dollarsPerMillionOutputTokens().isPresent()
                            ? num(tc.dollarsPerMillionOutputTokens().getAsDouble(), Unit.DOLLARS) : "no price",
                    tc.joulesPerOutputToken().isPresent() ? num(tc.joulesPerOutputToken().getAsDouble(), Unit.JOULES)
                            : "no power",
                    brief(row.answer().deployment()) + ", " + row.answer().deployment().policy().label(), price);
        }
        d.add(t.build());
        d.figure("chips", "Each chip at its best deployment at the target: tokens/s per card, dollars per million "
                + "output tokens and joules per output token", new FigureData.Chips(r));
        List<Block.Paragraph> findings = new ArrayList<>();
        for (Objective o : Objective.DECODE) {
            ChipComparison.Row w = r.winner(o);
            findings.add(Block.Paragraph.of(strong("Best " + (o == Objective.COST ? "per dollar" : o == Objective.POWER
                    ? "per watt" : "per card")), ": ", w == null ? "none (no chip here has the figure)" : w.chip().name()));
        }
        ChipComparison.Row cheapest = r.winner(Objective.COST);
        if (cheapest != null) {
            double dollars = Objective.COST.figure(cheapest.score(Objective.COST));
            for (ChipComparison.Row row : r.rows()) {
                if (row != cheapest && row.answer() != null) {
                    findings.add(Block.Paragraph.of(row.chip().name(), " breaks even with ", cheapest.chip().name(),
                            " at ", num(row.breakEvenDollarsPerHour(dollars), Unit.DOLLARS), " per card-hour."));
                }
            }
        }
        d.items(false, findings);
        List<Block.Paragraph> sources = new ArrayList<>();
        for (ChipComparison.Row row : r.rows()) {
            Chip c = row.chip();
            sources.add(Block.Paragraph.of(strong(c.name()), ": price ", c.cost().priceNote(), "; power ",
                    c.cost().powerNote(), "."));
        }
        d.p("Where each price and power comes from:");
        d.items(false, sources);
    }
}
