package dev.ridgeline.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Knob;
import dev.ridgeline.engine.space.Objective;
import dev.ridgeline.engine.space.Sensitivity;
import dev.ridgeline.engine.space.Solve;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * JSON and CSV of chip tuning (DESIGN 6): {@code sensitivity}, {@code solve} and {@code presets fields}. Values are
 * in the unit {@code --chip-field} takes ({@link #unit}); headlines and changes in the objective's figure (tokens/s per
 * card, dollars per million output tokens, joules per output token; null or empty where there is none).
 */
public final class TuningReports {
    public static final String SENSITIVITY_CSV_HEADER = "knob,kind,unit,current,down_value,up_value,headline_down_change,"
            + "headline_up_change,fixed_down_change,fixed_up_change,note";
    public static final String SOLVE_CSV_HEADER = "field,unit,current,required,change,reason";
    public static final String FIELDS_CSV_HEADER = "field,kind,unit,current,min,max";

    private TuningReports() {
    }

    /** The unit a field's values are in: its own, or "mode" for the FA3 stage mode (0 none, 1 two-stage, 2 three-stage). */
    public static String unit(Knob k) {
        return k.stepped() ? "mode" : k.unit();
    }

    /**
     * What a sensitivity bar says besides its numbers: "changes nothing", why a move was refused, or that the fixed
     * deployment no longer fits; empty otherwise.
     */
    public static String note(Sensitivity.Result r, Sensitivity.Bar b) {
        if (b.down().refused() != null && b.up().refused() != null) {
            return "not moved: " + b.down().refused();
        }
        if (b.changesNothing(r.headline(), r.fixed())) {
            return "changes nothing";
        }
        StringBuilder out = new StringBuilder();
        for (Sensitivity.Move m : List.of(b.down(), b.up())) {
            String side = m == b.down() ? "down" : "up";
            if (m.refused() != null) {
                out.append(out.length() > 0 ? "; " : "").append(side).append(" refused: ").append(m.refused());
            } else if (!m.fixedFits()) {
                out.append(out.length() > 0 ? "; " : "").append("fixed deployment does not fit ").append(side);
            }
        }
        return out.toString();
    }

    public static String sensitivityJson(Sensitivity.Result r) {
        return sensitivityJson(r, null);
    }

    /** As above, with the headline's P10-P90 beside it ({@code headlineLow}, {@code headlineHigh}) when given. */
    public static String sensitivityJson(Sensitivity.Result r, dev.ridgeline.engine.evidence.Band headlineBand) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("scenario", r.scenario().summary());
        root.put("targetTps", r.targetTps());
        root.put("step", r.step());
        Objective objective = r.objective();
        root.put("objective", objective.label());
        root.put("unit", objective.unit());
        figure(root, "headline", objective, r.headline());
        Reports.band(root, "headline", objective == Objective.THROUGHPUT ? headlineBand : null);
        figure(root, "fixed", objective, r.fixed());
        if (objective == Objective.COST) {
            root.put("price", r.scenario().chip().cost().priceNote());
        } else if (objective == Objective.POWER) {
            root.put("power", r.scenario().chip().cost().powerNote());
        }
        ArrayNode bars = root.putArray("bars");
        for (Sensitivity.Bar b : r.bars()) {
            ObjectNode o = bars.addObject();
            o.put("knob", b.knob().name());
            o.put("kind", b.knob().kind().name().toLowerCase(Locale.ROOT));
            o.put("unit", unit(b.knob()));
            o.put("current", b.current());
            move(o.putObject("down"), r, b.down());
            move(o.putObject("up"), r, b.up());
            o.put("changesNothing", b.changesNothing(r.headline(), r.fixed()));
            o.put("note", note(r, b));
        }
        return write(root);
    }

    private static void move(ObjectNode o, Sensitivity.Result r, Sensitivity.Move m) {
        o.put("value", m.value());
        if (m.refused() != null) {
            o.putNull("headline");
            o.putNull("headlineChange");
            o.putNull("fixed");
            o.putNull("fixedChange");
            o.put("refused", m.refused());
            return;
        }
        Objective obj = r.objective();
        figure(o, "headline", obj, m.headline());
        number(o, "headlineChange", obj.figureChange(m.headline(), r.headline()));
        figure(o, "fixed", obj, m.fixed());
        number(o, "fixedChange", obj.figureChange(m.fixed(), r.fixed()));
        o.put("fixedFits", m.fixedFits());
        o.putNull("refused");
    }

    /** The figure of a score (tokens/s per card as it is, 0 included; dollars or joules, null without one). */
    private static void figure(ObjectNode o, String key, Objective objective, double score) {
        number(o, key, objective.perCard() ? score : score > 0 ? objective.figure(score) : Double.NaN);
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    public static String sensitivityCsv(Sensitivity.Result r) {
        StringBuilder sb = new StringBuilder(SENSITIVITY_CSV_HEADER).append('\n');
        for (Sensitivity.Bar b : r.bars()) {
            sb.append(csv(b.knob().name())).append(',').append(b.knob().kind().name().toLowerCase(Locale.ROOT))
                    .append(',').append(csv(unit(b.knob()))).append(',').append(num(b.current())).append(',')
                    .append(num(b.down().value())).append(',').append(num(b.up().value())).append(',')
                    .append(change(b.down(), r.objective().figureChange(b.down().headline(), r.headline()))).append(',')
                    .append(change(b.up(), r.objective().figureChange(b.up().headline(), r.headline()))).append(',')
                    .append(change(b.down(), r.objective().figureChange(b.down().fixed(), r.fixed()))).append(',')
                    .append(change(b.up(), r.objective().figureChange(b.up().fixed(), r.fixed()))).append(',')
                    .append(csv(note(r, b))).append('\n');
        }
        return sb.toString();
    }

    private static String change(Sensitivity.Move m, double change) {
        return m.refused() != null || Double.isNaN(change) ? "" : num(change);
    }

    /** A list of objects with {@code field}, {@code unit}, {@code current}, {@code required} (null when not reachable), {@code reason}. */
    public static String solveJson(List<Solve.Answer> answers) {
        ArrayNode arr = Json.mapper().createArrayNode();
        for (Solve.Answer a : answers) {
            ObjectNode o = arr.addObject();
            o.put("field", a.field().name());
            o.put("unit", unit(a.field()));
            o.put("current", a.current());
            if (a.required() == null) {
                o.putNull("required");
            } else {
                o.put("required", a.required().doubleValue());
            }
            o.put("reason", a.reason());
        }
        return write(arr);
    }

    public static String solveCsv(List<Solve.Answer> answers) {
        StringBuilder sb = new StringBuilder(SOLVE_CSV_HEADER).append('\n');
        for (Solve.Answer a : answers) {
            sb.append(csv(a.field().name())).append(',').append(csv(unit(a.field()))).append(',')
                    .append(num(a.current())).append(',').append(a.required() == null ? "" : num(a.required()))
                    .append(',').append(a.required() == null ? "" : num(a.change())).append(',')
                    .append(csv(a.reason())).append('\n');
        }
        return sb.toString();
    }

    /** The fields {@code --chip-field} takes, with their values in {@code s}. */
    public static String fieldsJson(List<Knob> fields, Scenario s) {
        ArrayNode arr = Json.mapper().createArrayNode();
        for (Knob k : fields) {
            ObjectNode o = arr.addObject();
            o.put("field", k.name());
            o.put("kind", k.kind().name().toLowerCase(Locale.ROOT));
            o.put("unit", unit(k));
            o.put("current", k.of(s));
            o.put("min", k.min());
            o.put("max", k.max());
        }
        return write(arr);
    }

    public static String fieldsCsv(List<Knob> fields, Scenario s) {
        StringBuilder sb = new StringBuilder(FIELDS_CSV_HEADER).append('\n');
        for (Knob k : fields) {
            sb.append(csv(k.name())).append(',').append(k.kind().name().toLowerCase(Locale.ROOT)).append(',')
                    .append(csv(unit(k))).append(',').append(num(k.of(s))).append(',').append(num(k.min()))
                    .append(',').append(num(k.max())).append('\n');
        }
        return sb.toString();
    }

    private static String write(Object node) {
        try {
            return Json.mapper().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Full precision (shortest form that reads back the same double): a solved value must not be rounded down. */
    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : Double.toString(v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
