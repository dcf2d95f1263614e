package dev.ridgeline.engine.report;

import static dev.ridgeline.engine.report.DocBuilder.code;
import static dev.ridgeline.engine.report.DocBuilder.num;
import static dev.ridgeline.engine.report.DocBuilder.strong;

import dev.ridgeline.engine.PrefillEvaluation;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.roofline.OpResult;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.ServedCost;
import dev.ridgeline.engine.serve.Ttft;
import dev.ridgeline.engine.serve.Workload;

/**
 * The served-workload section (DESIGN 4c, issue 20): the sizing, TTFT and TPOT, what a token costs (issue 21), the
 * prefill step's ops and roofline.
 */
final class ServedWriter {
    static final String SERVED = "The served workload";

    private ServedWriter() {
    }

    /**
     * @param prefill the prefill pool's step, evaluated op by op; null when the workload is not served
     */
    static void write(DocBuilder d, Served served, PrefillEvaluation prefill) {
        Workload w = served.workload();
        d.section(SERVED);
        d.p("Prefill and decode pools sized for ", strong(w.summary()), ": the decode pool at its best deployment for "
                + "the user speed, the prefill pool at the most new tokens/s per card whose TTFT meets the limit, the two "
                + "matched by rate, ", code("D/P = (prefill × OSL) / (decode × S(1−h))"), " with the prefill pool at "
                + "its load. TTFT is the prompt's steps, its KV cache's transfer to decode and an M/D/1 wait.");
        d.figure("served", "The pools to scale, TTFT in its parts, and the co-located alternative.",
                new FigureData.Served(served));
        if (served instanceof Served.Unmet) {
            d.p(strong("Not served: "), ((Served.Unmet) served).reason());
            return;
        }
        Served.Sized s = (Served.Sized) served;
        Ttft t = s.ttft();
        DocBuilder.TableBuilder sizing = DocBuilder.table().text("Figure").number("Value");
        sizing.row("served output per card (both pools)", num(s.outputPerCard(), Unit.TOKENS_PER_SEC));
        sizing.row("decode cards per prefill card", num(s.decodePerPrefill(), Unit.RATIO));
        sizing.row("prefill: new tokens/s per card (capacity)", num(s.prefill().tokensPerSecPerCard(), Unit.TOKENS_PER_SEC));
        sizing.row("prefill: input tokens/s per card at its load", num(s.inputPerPrefillCard(), Unit.TOKENS_PER_SEC));
        sizing.row("decode: output tokens/s per card", num(s.decode().throughputPerCard(), Unit.TOKENS_PER_SEC));
        sizing.row("TTFT", num(t.totalSec(), Unit.SECONDS));
        sizing.row("TTFT: the prompt's steps", num(t.prefillSec(), Unit.SECONDS));
        sizing.row("TTFT: KV cache to decode", num(t.transferSec(), Unit.SECONDS));
        sizing.row("TTFT: wait (M/D/1 at load " + w.prefillLoad() + ")", num(t.queueSec(), Unit.SECONDS));
        sizing.row("TPOT", num(s.tpotSec(), Unit.SECONDS));
        sizing.row("KV cache per request", num(s.kvBytesPerRequest(), Unit.BYTES));
        if (s.colocated() != null) {
            sizing.row("co-located output per card", num(s.colocated().figures().outputPerCard(), Unit.TOKENS_PER_SEC));
        }
        ServedCost c = ServedCost.of(s.decode().deployment().chip().cost(), s);
        sizing.row("$ per million input tokens (prefill pool)", dollars(c.dollarsPerMillionInputTokens()));
        sizing.row("$ per million output tokens (decode pool)", dollars(c.dollarsPerMillionOutputTokens()));
        sizing.row("$ per million tokens, blended (" + w.inputTokens() + " in, " + w.outputTokens() + " out)",
                dollars(c.dollarsPerMillionTokensBlended()));
        sizing.row("$ per million output tokens (both pools)", dollars(c.dollarsPerMillionServedOutputTokens()));
        sizing.row("J per output token (both pools)", c.joulesPerServedOutputToken().isPresent()
                ? num(c.joulesPerServedOutputToken().getAsDouble(), Unit.JOULES) : "no power");
        d.add(sizing.build());
        d.p(strong("Cost"), ": ", ServedCost.BASIS, ". Price: ", c.cost().priceNote(), ". Power: ",
                c.cost().powerNote(), ".");
        d.p("Prefill pool: ", deployment(s.prefill().deployment()), ", chunk ", s.prefill().chunkTokens(),
                " tokens. Decode pool: ", deployment(s.decode().deployment()), ", batch ",
                s.decode().deployment().batchPerCard(), ", MTP ", s.decode().deployment().mtpDepth(), ". ",
                s.colocated() == null ? "No co-located deployment (chunked prefill inside decode batches) meets the limits."
                        : (s.better() == Served.Mode.COLOCATED ? "Co-located serving is better: " : "Disaggregated serving "
                        + "is better than co-located: ") + deployment(s.colocated().deployment()) + ", batch "
                        + s.colocated().deployment().batchPerCard() + ".");
        if (prefill != null) {
            d.sub("The prefill step");
            d.p("One step of the prefill pool's deployment: ", prefill.prefill().chunkTokens(), " new tokens per card, ",
                    num(prefill.stepSec(), Unit.SECONDS), " a step. Op times are per micro-batch of one MoE layer.");
            DocBuilder.TableBuilder ops = DocBuilder.table().text("Op").number("F").number("bytes").number("AI")
                    .number("time").text("Bound");
            for (OpResult op : prefill.ops()) {
                ops.row(op.name() + (op.extrapolated() ? " *" : ""), num(op.flops(), Unit.FLOP),
                        num(op.totalBytes(), Unit.BYTES), num(op.intensity(), Unit.FLOP_PER_BYTE),
                        num(op.timeSec(), Unit.SECONDS), op.bound().label());
            }
            d.add(ops.build());
            d.p("* calibrated beyond what was measured (see docs/validation.md).");
            d.figure("prefill-roofline", "The prefill step's ops on the chip's roofline.",
                    new FigureData.PrefillRoofline(prefill));
        }
    }

    private static Object dollars(java.util.OptionalDouble v) {
        return v.isPresent() ? num(v.getAsDouble(), Unit.DOLLARS) : "no price";
    }

    private static String deployment(Scenario s) {
        return "EP " + s.ep() + (s.attentionTp() > 1 ? ", attention TP " + s.attentionTp() : "") + ", "
                + s.policy().label() + ", weights " + s.weightDtype().label() + ", KV " + s.kvDtype().label();
    }
}
