package dev.ridgeline.engine.model;

/**
 * The rules a deployment's layout and expert dtype obey together with the model, the chip and the fidelity; each
 * refusal is one line naming the field and the value ({@link Scenario} calls {@link #check}).
 * <ul>
 *   <li>Seed fidelity is seed 000's model: data-parallel attention, experts by EP alone, in FP8. Its layout fields must
 *   be at their neutral values (attention TP 1, MoE TP 1, FP8 experts); EPLB and redundant experts are accepted and
 *   have no effect there (seed 000 assumes perfect balance and no copies), which the readings in force say.</li>
 *   <li>Tensor parallelism runs over the scale-up fabric: attention TP and MoE TP at most the chip's scale-up
 *   domain.</li>
 *   <li>Attention groups are whole: attention TP divides the MoE's {@code ep × moeTp} cards and the model's heads;
 *   MoE TP divides the experts' intermediate size.</li>
 *   <li>A 4-bit expert dtype needs the chip's FP4 tensor rate.</li>
 * </ul>
 */
final class Layouts {
    private Layouts() {
    }

    static void check(ModelConfig model, Chip chip, Deployment d, Numerics n, Fidelity fidelity) {
        String owner = "scenario";
        if (fidelity == Fidelity.SEED) {
            if (d.attentionTp() != 1) {
                throw Checks.refused("attentionTp", d.attentionTp(), owner,
                        "must be 1 in seed fidelity (seed 000 has data-parallel attention only)");
            }
            if (d.moeTp() != 1) {
                throw Checks.refused("moeTp", d.moeTp(), owner,
                        "must be 1 in seed fidelity (seed 000 spreads experts by EP alone)");
            }
            if (n.expertDtype() != ExpertDtype.FP8) {
                throw new IllegalArgumentException("expertDtype must be FP8 in seed fidelity (seed 000 keeps the "
                        + "experts in FP8), was " + n.expertDtype().label() + " (" + owner + ")");
            }
        }
        int domain = chip.scaleUpDomain();
        if (d.attentionTp() > domain) {
            throw Checks.refused("attentionTp", d.attentionTp(), owner, "must be at most the scale-up domain of chip "
                    + Checks.quote(chip.name()) + " (" + cards(domain) + ")");
        }
        if (d.moeTp() > domain) {
            throw Checks.refused("moeTp", d.moeTp(), owner, "must be at most the scale-up domain of chip "
                    + Checks.quote(chip.name()) + " (" + cards(domain) + ")");
        }
        if (d.moeCards() % d.attentionTp() != 0) {
            throw Checks.refused("attentionTp", d.attentionTp(), owner, "must divide the MoE's ep x moeTp = "
                    + d.ep() + " x " + d.moeTp() + " = " + d.moeCards() + " cards (attention groups are whole)");
        }
        if (model.numHeads() % d.attentionTp() != 0) {
            throw Checks.refused("attentionTp", d.attentionTp(), owner, "must divide the " + model.numHeads()
                    + " attention heads of " + Checks.quote(model.name()));
        }
        if (model.moeIntermediateSize() % d.moeTp() != 0) {
            throw Checks.refused("moeTp", d.moeTp(), owner, "must divide the expert width "
                    + model.moeIntermediateSize() + " of " + Checks.quote(model.name()));
        }
        if (n.expertDtype().fp4() && !chip.hasFp4()) {
            throw new IllegalArgumentException("expertDtype " + n.expertDtype().label() + " needs an FP4 tensor rate; "
                    + "chip " + Checks.quote(chip.name()) + " has none (" + owner + ")");
        }
    }

    /** "1 card", "8 cards": built only for a refusal (a scenario is checked on every construction). */
    private static String cards(int n) {
        return n == 1 ? "1 card" : n + " cards";
    }
}
