package dev.ridgeline.app.explorer.served;

import dev.ridgeline.app.explorer.charts.Palette;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.serve.Served;
import dev.ridgeline.engine.serve.Ttft;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paints a served workload on any {@link Graphics2D} (the Served view through FXGraphics2D, and PNG, SVG or PDF
 * without the toolkit): the headline, the two pools as blocks whose widths are their shares of the cards (to scale),
 * each with its deployment and rate, the KV cache moving between them, TTFT as its parts on a time bar beside TPOT,
 * and the co-located alternative against the disaggregated one. An unmet workload paints its one line. Draws only
 * what {@link Served} says; computes nothing.
 */
public final class ServedPainter {
    public static final Color PREFILL = new Color(0x6F, 0x42, 0xC1);
    public static final Color DECODE = Palette.MEMORY;
    public static final Color TRANSFER = Palette.NETWORK;
    public static final Color WAIT = new Color(0xAF, 0xB8, 0xC1);
    private static final double PAD = 14;

    /** Where the pools landed (tests check their widths are to scale). */
    public record Drawn(Rectangle2D prefill, Rectangle2D decode) {
    }

    private ServedPainter() {
    }

    public static Drawn paint(Graphics2D g, Rectangle2D area, Served served) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(area);
        double x = area.getX() + PAD;
        double width = Math.max(40, area.getWidth() - 2 * PAD);
        double y = area.getY() + PAD;
        g.setFont(Palette.TITLE);
        g.setColor(Palette.INK);
        if (served instanceof Served.Unmet) {
            y = text(g, "Not served", x, y, width);
            g.setFont(Palette.LABEL);
            text(g, ((Served.Unmet) served).reason(), x, y + 4, width);
            return new Drawn(null, null);
        }
        Served.Sized s = (Served.Sized) served;
        y = text(g, String.format(Locale.ROOT, "%,.0f output tokens/s per card over both pools  ·  %.2f decode cards "
                + "per prefill card", s.outputPerCard(), s.decodePerPrefill()), x, y, width);
        g.setFont(Palette.SMALL);
        g.setColor(Palette.MUTED);
        y = text(g, s.workload().summary(), x, y + 2, width) + 8;

        double poolHeight = Math.max(40, Math.min(64, area.getHeight() * 0.18));
        double prefillWidth = width / (1 + s.decodePerPrefill());
        Rectangle2D prefill = new Rectangle2D.Double(x, y, prefillWidth, poolHeight);
        Rectangle2D decode = new Rectangle2D.Double(x + prefillWidth, y, width - prefillWidth, poolHeight);
        pool(g, prefill, PREFILL, "Prefill", List.of(String.format(Locale.ROOT, "%.0f %% of cards",
                100 / (1 + s.decodePerPrefill()))));
        pool(g, decode, DECODE, "Decode", List.of(String.format(Locale.ROOT, "%.0f %% of cards",
                100 * s.decodePerPrefill() / (1 + s.decodePerPrefill()))));
        y += poolHeight + 6;
        // each pool's deployment in full under the pools (a narrow pool has no room for it inside)
        g.setFont(Palette.SMALL);
        g.setColor(PREFILL.darker());
        y = text(g, prefillLine(s), x, y, width) + 2;
        g.setColor(DECODE.darker());
        y = text(g, decodeLine(s), x, y, width) + 6;
        g.setFont(Palette.SMALL);
        g.setColor(TRANSFER);
        y = text(g, String.format(Locale.ROOT, "KV cache %.1f MB a request, prefill → decode over the NIC in %.1f ms",
                s.kvBytesPerRequest() / 1e6, s.ttft().transferSec() * 1e3), x, y, width) + 10;

        y = ttftBar(g, s, x, y, width) + 10;
        colocated(g, s, x, y, width);
        return new Drawn(prefill, decode);
    }

    /** "Prefill: EP 32 · dual-mbatch · W FP8 · KV BF16, chunk 16,384, step 2.67 s, 6,139 new tokens/s per card". */
    static String prefillLine(Served.Sized s) {
        return "Prefill: " + deployment(s.prefill().deployment()) + String.format(Locale.ROOT, ", chunk %,d, step %.2f s, "
                + "%,.0f new tokens/s per card", s.prefill().chunkTokens(), s.prefill().stepSec(),
                s.prefill().tokensPerSecPerCard());
    }

    /** "Decode: EP 144 · ..., batch 54, MTP 1, 2,900 tokens/s per card at 20.3 per user". */
    static String decodeLine(Served.Sized s) {
        Scenario d = s.decode().deployment();
        return "Decode: " + deployment(d) + String.format(Locale.ROOT, ", batch %d, MTP %d, %,.0f tokens/s per card at "
                + "%.1f per user", d.batchPerCard(), d.mtpDepth(), s.decode().throughputPerCard(),
                s.decode().userTokensPerSec());
    }

    static String deployment(Scenario s) {
        return "EP " + s.ep() + (s.attentionTp() > 1 ? " · attn TP " + s.attentionTp() : "") + " · "
                + s.policy().label() + " · W " + s.weightDtype().label() + " · KV " + s.kvDtype().label();
    }

    /** A pool block: filled, its name and as many of its lines as fit inside (a narrow block keeps the first). */
    private static void pool(Graphics2D g, Rectangle2D r, Color c, String name, List<String> lines) {
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 40));
        g.fill(r);
        g.setColor(c);
        g.draw(r);
        double x = r.getX() + 6;
        double w = r.getWidth() - 12;
        g.setFont(Palette.LABEL);
        FontMetrics fm = g.getFontMetrics();
        double y = r.getY() + fm.getAscent() + 4;
        if (fits(fm, name, w)) {
            g.drawString(name, (float) x, (float) y);
        }
        g.setFont(Palette.SMALL);
        g.setColor(Palette.INK);
        fm = g.getFontMetrics();
        for (String line : lines) {
            y += fm.getHeight();
            if (y > r.getMaxY() - 3) {
                break;
            }
            if (fits(fm, line, w)) {
                g.drawString(line, (float) x, (float) y);
            }
        }
    }

    /** TTFT as a bar of its parts (steps, KV transfer, wait) on a seconds scale, TPOT beside it in text. */
    private static double ttftBar(Graphics2D g, Served.Sized s, double x, double y, double width) {
        Ttft t = s.ttft();
        g.setFont(Palette.LABEL);
        g.setColor(Palette.INK);
        y = text(g, String.format(Locale.ROOT, "TTFT %.2f s%s  ·  TPOT %.1f ms (%.1f tokens/s per user)", t.totalSec(),
                s.workload().ttftLimited() ? String.format(Locale.ROOT, " (limit %.2f s)", s.workload().ttftLimitSec()) : "",
                s.tpotSec() * 1e3, 1 / s.tpotSec()), x, y, width);
        double scale = width / Math.max(t.totalSec(), s.workload().ttftLimited() ? s.workload().ttftLimitSec() : 0);
        double h = 14;
        double at = x;
        double[] parts = {t.prefillSec(), t.transferSec(), t.queueSec()};
        Color[] colors = {PREFILL, TRANSFER, WAIT};
        for (int i = 0; i < parts.length; i++) {
            double w = parts[i] * scale;
            g.setColor(colors[i]);
            g.fill(new Rectangle2D.Double(at, y + 2, Math.max(w, parts[i] > 0 ? 1 : 0), h));
            at += w;
        }
        if (s.workload().ttftLimited()) {
            double lx = x + s.workload().ttftLimitSec() * scale;
            g.setColor(Palette.CRITICAL);
            g.draw(new java.awt.geom.Line2D.Double(lx, y - 1, lx, y + h + 5));
        }
        g.setFont(Palette.SMALL);
        g.setColor(Palette.MUTED);
        return text(g, String.format(Locale.ROOT, "prefill steps %.2f s + KV transfer %.3f s + wait %.2f s (M/D/1 at "
                + "load %.2f)", t.prefillSec(), t.transferSec(), t.queueSec(), s.workload().prefillLoad()), x,
                y + h + 6, width);
    }

    /** Disaggregated against co-located: output per card as two bars on one scale. */
    private static void colocated(Graphics2D g, Served.Sized s, double x, double y, double width) {
        g.setFont(Palette.LABEL);
        g.setColor(Palette.INK);
        if (s.colocated() == null) {
            text(g, "Co-located (chunked prefill in decode batches): no deployment meets the limits.", x, y, width);
            return;
        }
        Served.Together c = s.colocated();
        y = text(g, (s.better() == Served.Mode.COLOCATED ? "Co-located is better" : "Disaggregated is better")
                + String.format(Locale.ROOT, ": %,.0f against %,.0f output tokens/s per card", Math.max(s.outputPerCard(),
                c.figures().outputPerCard()), Math.min(s.outputPerCard(), c.figures().outputPerCard())), x, y, width);
        double top = Math.max(s.outputPerCard(), c.figures().outputPerCard());
        double label = 90;
        double bar = Math.max(20, width - label);
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        String[] names = {"disaggregated", "co-located"};
        double[] values = {s.outputPerCard(), c.figures().outputPerCard()};
        Color[] colors = {DECODE, Palette.COMPUTE};
        for (int i = 0; i < 2; i++) {
            double by = y + 4 + i * 16;
            g.setColor(Palette.INK);
            g.drawString(names[i], (float) x, (float) (by + fm.getAscent()));
            g.setColor(colors[i]);
            g.fill(new Rectangle2D.Double(x + label, by + 1, bar * values[i] / top, 11));
        }
        g.setColor(Palette.MUTED);
        text(g, "co-located: " + deployment(c.deployment()) + String.format(Locale.ROOT, ", batch %d, %.0f prompt tokens "
                + "a step, TTFT %.2f s", c.deployment().batchPerCard(), c.figures().chunkTokens(),
                c.figures().ttft().totalSec()), x, y + 40, width);
    }

    /** Draws {@code s} wrapped to {@code width} from the top at {@code y}; returns the y below it. */
    static double text(Graphics2D g, String s, double x, double y, double width) {
        FontMetrics fm = g.getFontMetrics();
        for (String line : wrap(fm, s, width)) {
            y += fm.getAscent();
            g.drawString(line, (float) x, (float) y);
            y += fm.getDescent() + fm.getLeading();
        }
        return y;
    }

    static List<String> wrap(FontMetrics fm, String s, double width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && fm.stringWidth(next) > width) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private static boolean fits(FontMetrics fm, String s, double width) {
        return fm.stringWidth(s) <= width;
    }
}
