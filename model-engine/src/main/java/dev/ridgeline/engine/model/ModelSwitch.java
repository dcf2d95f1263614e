package dev.ridgeline.engine.model;

/**
 * Moving a scenario to another model. EP and MTP depth depend on the model (EP at most twice its routed experts, MTP
 * only with an MTP module), and so does the layout (attention TP divides the heads, MoE TP the expert width): rather
 * than refuse a model because of the previous one's EP, the window and the command line lower EP to one card per
 * routed expert, turn MTP off and set tensor parallelism back to 1 where the new model needs it, and say so.
 */
public final class ModelSwitch {
    /**
     * The scenario on the new model and what was changed to fit it: {@code epChange} and {@code mtpChange} are ""
     * when nothing was (the command line leaves out the change of a setting its flags gave).
     */
    public record Result(Scenario scenario, String model, String epChange, String mtpChange) {
        /** "Mixtral-8x7B-v0.1: EP lowered from 144 to 8 (one card per routed expert)." or "" when nothing changed. */
        public String note() {
            return note(true, true);
        }

        /** The note about the changes asked for: EP's, MTP's, or both. */
        public String note(boolean ep, boolean mtp) {
            String changes = join(ep ? epChange : "", mtp ? mtpChange : "");
            return changes.isEmpty() ? "" : model + ": " + changes + ".";
        }

        private static String join(String a, String b) {
            return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
        }
    }

    private ModelSwitch() {
    }

    /** {@code s} on model {@code m}; throws {@link IllegalArgumentException} only when {@code m} cannot be used at all. */
    public static Result apply(Scenario s, ModelConfig m) {
        int ep = s.ep();
        String epChange = "";
        if (ep > 2 * m.routedExperts()) {
            ep = m.routedExperts();
            epChange = "EP lowered from " + s.ep() + " to " + ep + " (one card per routed expert)";
        }
        int depth = s.mtpDepth();
        String mtpChange = "";
        if (depth > 0 && m.mtpModules() == 0) {
            depth = 0;
            mtpChange = "MTP turned off (the model has no MTP module)";
        }
        Scenario fitted = s.withMtp(0, s.mtpAcceptance()).withLayout(1, 1, 1).withModel(m).withEp(ep)
                .withMtp(depth, s.mtpAcceptance());
        if (!s.deployment().dataParallel()) {
            try {
                fitted = fitted.withLayout(ep, s.attentionTp(), s.moeTp());
            } catch (IllegalArgumentException e) {
                String reset = "attention TP " + s.attentionTp() + " and MoE TP " + s.moeTp() + " reset to 1 ("
                        + e.getMessage().replace(" (scenario)", "") + ")";
                epChange = epChange.isEmpty() ? reset : epChange + "; " + reset;
            }
        }
        return new Result(fitted, m.name(), epChange, mtpChange);
    }
}
