package dev.ridgeline.app.explorer.scenario;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.ExpertDtype;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.plan.Plan;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/**
 * The choices of a scenario's layout and expert dtype (DESIGN 3.10): attention TP, MoE TP, expert dtype. An option the
 * scenario cannot take is drawn disabled with the reason beside it (TP beyond the chip's scale-up domain, FP4 on a
 * chip without FP4 tensor cores), and the whole choice is disabled, with its reason as tooltip, in seed fidelity. Also
 * the fitting of a layout to another chip or fidelity, as {@code ModelSwitch} fits EP to another model.
 */
final class LayoutControls {
    private static final List<Integer> DEGREES = List.of(1, 2, 4, 8);
    private static final String SEED = "seed 000 has data-parallel attention and FP8 experts only: calibrated fidelity";

    private LayoutControls() {
    }

    /** Attention TP: 1 (data-parallel) to 8, each option disabled beyond the chip's scale-up domain. */
    static ComboBox<Integer> attentionTp(BiFunction<Scenario, Integer, Scenario> apply, Combos combos) {
        return combos.make("attnTpChoice", DEGREES, t -> t == 1 ? "1 (data-parallel)" : "TP" + t,
                "Attention tensor parallelism: the heads of a group of cards' sequences split over that many cards of "
                        + "the scale-up domain; batch per card is then the group's sequences.",
                apply);
    }

    /** MoE TP: 1 (experts by EP alone) to 8, each option disabled beyond the chip's scale-up domain. */
    static ComboBox<Integer> moeTp(BiFunction<Scenario, Integer, Scenario> apply, Combos combos) {
        return combos.make("moeTpChoice", DEGREES, t -> t == 1 ? "1 (EP only)" : "TP" + t + " x EP",
                "Tensor parallelism of each routed expert inside the scale-up domain; the MoE runs on EP x this cards.",
                apply);
    }

    /** The routed experts' element type; the 4-bit formats disabled on a chip without FP4 tensor cores. */
    static ComboBox<ExpertDtype> expertDtype(BiFunction<Scenario, ExpertDtype, Scenario> apply, Combos combos) {
        return combos.make("expertChoice", List.of(ExpertDtype.values()), ExpertDtype::label,
                "Element type of the routed experts: NVFP4 (16-element blocks, FP8 scale) and MXFP4 (32, 8-bit "
                        + "exponent) at the chip's FP4 tensor rate; the non-expert weights keep their own.", apply);
    }

    /** Why a degree cannot be chosen on this scenario's chip, or null. */
    static String tpRefusal(Scenario s, int degree) {
        int domain = s.chip().scaleUpDomain();
        return degree > domain ? "beyond the scale-up domain of " + domain + (domain == 1 ? " card" : " cards") : null;
    }

    /** Why an expert dtype cannot be chosen on this scenario's chip, or null. */
    static String dtypeRefusal(Scenario s, ExpertDtype d) {
        return d.fp4() && !s.chip().hasFp4() ? "no FP4 tensor rate on " + s.chip().name() : null;
    }

    /** Why the whole layout choice is off, or null. */
    static String disabledReason(Scenario s) {
        return Plan.rules(s).modelsLayoutsAndBalance() ? null : SEED;
    }

    /** Draws each option with its refusal, disabled, when {@code refusal} gives one for the current scenario. */
    static <T> void cells(ComboBox<T> box, Function<T, String> name, Function<T, String> refusal) {
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String why = item == null || empty ? null : refusal.apply(item);
                setText(item == null || empty ? null : why == null ? name.apply(item) : name.apply(item) + " (" + why + ")");
                setDisable(why != null);
            }
        });
    }

    /**
     * The scenario moved to another chip or fidelity, with its layout and expert dtype fitted to it (tensor
     * parallelism back to 1 beyond the chip's scale-up domain or in seed fidelity, FP8 experts where 4-bit cannot
     * run); {@code notes} receives what was changed, in words.
     */
    static Scenario fitted(Scenario s, UnaryOperator<Scenario> move, Chip chip, Fidelity fidelity, List<String> notes) {
        Deployment d = s.deployment();
        boolean seed = !Plan.rules(fidelity).modelsLayoutsAndBalance();
        boolean tpOff = !d.dataParallel() && (seed || d.attentionTp() > chip.scaleUpDomain() || d.moeTp() > chip.scaleUpDomain());
        boolean fp4Off = s.expertDtype() != ExpertDtype.FP8 && (seed || (s.expertDtype().fp4() && !chip.hasFp4()));
        Scenario base = s;
        if (tpOff) {
            base = base.withLayout(1, 1);
            notes.add("attention TP " + d.attentionTp() + " and MoE TP " + d.moeTp() + " set to 1 ("
                    + (seed ? "seed fidelity" : "beyond the scale-up domain of " + chip.name()) + ")");
        }
        if (fp4Off) {
            base = base.withExpertDtype(ExpertDtype.FP8);
            notes.add("experts set to FP8 (" + (seed ? "seed fidelity" : chip.name() + " has no FP4 tensor rate") + ")");
        }
        return move.apply(base);
    }

    /** Makes a choice box; the panel's factory, so that every choice edits the scenario the same way. */
    interface Combos {
        <T> ComboBox<T> make(String id, List<T> items, Function<T, String> name, String tip,
                             BiFunction<Scenario, T, Scenario> apply);
    }

}
