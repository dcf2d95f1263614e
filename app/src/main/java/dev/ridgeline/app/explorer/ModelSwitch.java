package dev.ridgeline.app.explorer;

import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Scenario;

/**
 * Picking or importing another model in the window. EP and MTP depth depend on the model (EP at most twice its
 * routed experts, MTP only with an MTP module): rather than refuse a model because of the previous one's EP, the
 * window lowers EP to one card per routed expert and turns MTP off, and says so in a note.
 */
public final class ModelSwitch {
    /** The scenario on the new model, and what was changed to fit it ("" when nothing). */
    public record Result(Scenario scenario, String note) {
    }

    private ModelSwitch() {
    }

    /** {@code s} on model {@code m}; throws {@link IllegalArgumentException} only when {@code m} cannot be used at all. */
    public static Result apply(Scenario s, ModelConfig m) {
        StringBuilder note = new StringBuilder();
        int ep = s.ep();
        if (ep > 2 * m.routedExperts()) {
            ep = m.routedExperts();
            note.append("EP lowered from ").append(s.ep()).append(" to ").append(ep).append(" (one card per routed expert)");
        }
        int depth = s.mtpDepth();
        if (depth > 0 && m.mtpModules() == 0) {
            depth = 0;
            note.append(note.length() > 0 ? "; " : "").append("MTP turned off (the model has no MTP module)");
        }
        Scenario fitted = s.withMtp(0, s.mtpAcceptance()).withEp(1).withModel(m).withEp(ep).withMtp(depth, s.mtpAcceptance());
        return new Result(fitted, note.length() == 0 ? "" : m.name() + ": " + note + ".");
    }
}
