package dev.ridgeline.app.explorer.scenario;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.Tips;
import dev.ridgeline.engine.model.ModelSwitch;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ExpertDtype;
import dev.ridgeline.engine.model.Fa3Setting;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.space.Space;
import dev.ridgeline.engine.plan.Plan;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Skin;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.controlsfx.control.ToggleSwitch;

/** The scenario editor (left): pickers, sliders with number fields, and choices. Every edit replaces the scenario. */
public final class ScenarioPanel extends VBox {
    /** Expert-parallel degrees deployments use: the explorer's space's (8 cards per node; 256 routed experts + redundancy). */
    static final double[] EP_VALUES = Space.EXPLORER_EPS.stream().mapToDouble(Integer::doubleValue).toArray();

    private final ObjectProperty<Scenario> scenario;
    private final ComboBox<ModelConfig> modelChoice;
    private final ComboBox<Chip> chipChoice;
    private final ComboBox<Nic> nicChoice;
    private final NumberControl batch;
    private final NumberControl ep;
    private final NumberControl context;
    private final NumberControl mtpDepth;
    private final NumberControl mtpAcceptance;
    private final ComboBox<Dtype> kvChoice;
    private final ComboBox<Dtype> weightChoice;
    private final ComboBox<Fa3Setting> fa3Choice;
    private final ComboBox<Policy> policyChoice;
    private final ComboBox<Fidelity> fidelityChoice;
    private final NumberControl reserve;
    private final NumberControl kernelGap;
    private final NumberControl hostOverhead;
    private final ToggleSwitch promotion = new ToggleSwitch("DeepGEMM promotion");
    private final ComboBox<Integer> attnTpChoice;
    private final ComboBox<Integer> moeTpChoice;
    private final ComboBox<ExpertDtype> expertChoice;
    private final ToggleSwitch eplb = new ToggleSwitch("EPLB (expert load balancer)");
    private final ToggleSwitch peers = new ToggleSwitch("EP peers over scale-up link");
    private final NumberControl redundant;
    private final Label layoutNote = new Label();
    private final Label note = new Label();
    private String pendingNote = "";
    private final Subscription subscription;
    private boolean showing;
    /**
     * The last two sections (layout and balance, calibrated assumptions): below the fold of a laptop's window, made and
     * kept up to date with the others but out of the scene until {@link #completeSections} (about a seventh of the
     * first frame's nodes, whose skins, CSS and layout would otherwise come before it).
     */
    private final List<Node> belowTheFold;

    public ScenarioPanel(ObjectProperty<Scenario> scenario, Catalog catalog) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        getStyleClass().add("scenario-panel");
        setSpacing(8);
        modelChoice = combo("modelChoice", catalog.models(), ModelConfig::name, "The MoE model whose decode step is costed.",
                (s, m) -> {
                    ModelSwitch.Result r = ModelSwitch.apply(s, m);
                    pendingNote = r.note();
                    return r.scenario();
                });
        chipChoice = combo("chipChoice", catalog.chips(), Chip::name, "The accelerator: HBM size and bandwidth, FP8/BF16/FP4 peak and FA3 mode.",
                (s, c) -> fit(s, x -> x.withChip(c), c, s.fidelity()));
        nicChoice = combo("nicChoice", catalog.nics(), Nic::name, "The network card that carries the expert dispatch and combine traffic.",
                Scenario::withNic);
        batch = number("batch", "Batch per card", "seq", "Sequences each card attends for: its own with data-parallel "
                + "attention, its attention group's under attention TP.",
                SliderScale.linear(1, 512, 1), 1, Scenario.MAX_BATCH, true, (s, v) -> s.withBatch(v.intValue()));
        ep = number("ep", "EP degree", "cards", "Cards that share the routed experts; each holds ceil(experts / EP) of them.",
                SliderScale.choices(EP_VALUES), 1, Scenario.MAX_EP, true, (s, v) -> s.withEp(v.intValue()));
        context = number("context", "Context length", "tokens", "Average history length of a sequence; the slider is logarithmic.",
                SliderScale.log2(128, 1 << 20), 1, Scenario.MAX_CONTEXT, true, (s, v) -> s.withContext(v.intValue()));
        mtpDepth = number("mtpDepth", "MTP depth", "tokens", "Speculative tokens predicted per step (multi-token prediction).",
                SliderScale.linear(0, Scenario.MAX_MTP, 1), 0, Scenario.MAX_MTP, true,
                (s, v) -> s.withMtp(v.intValue(), s.mtpAcceptance()));
        mtpAcceptance = number("mtpAcceptance", "MTP acceptance", "rate", "Probability that each speculative token is accepted, 0 to 1.",
                SliderScale.linear(0, 1, 0.01), 0, 1, false, (s, v) -> s.withMtp(s.mtpDepth(), v));
        kvChoice = combo("kvChoice", List.of(Dtype.values()), Dtype::label, "Element type of the KV cache: FP8 halves its size and traffic.",
                Scenario::withKvDtype);
        weightChoice = combo("weightChoice", List.of(Dtype.values()), Dtype::label,
                "Element type of the non-expert weights and activations; experts stay FP8.", Scenario::withWeightDtype);
        fa3Choice = combo("fa3Choice", List.of(Fa3Setting.values()), Fa3Setting::label,
                "How FlashMLA overlaps its GEMMs with softmax: none, two-stage or three-stage pipelining.", Scenario::withFa3);
        policyChoice = combo("policyChoice", List.of(Policy.values()),
                p -> p == Policy.NAIVE ? "naive" : "dual micro-batch",
                "Naive runs one batch; dual micro-batch overlaps one half's communication with the other's compute.",
                Scenario::withPolicy);
        fidelityChoice = combo("fidelityChoice", Fidelity.choices(), Fidelity::title,
                "Calibrated (the default) reads the chip's datasheet and times each kernel at its published measured "
                + "efficiency; seed 000, as published, reproduces the blog post's model and tables, readings and all.",
                (s, f) -> fit(s, x -> x.withFidelity(f), s.chip(), f));
        attnTpChoice = LayoutControls.attentionTp((s, t) -> s.withLayout(t, s.moeTp()), this::combo);
        moeTpChoice = LayoutControls.moeTp((s, t) -> s.withLayout(s.attentionTp(), t), this::combo);
        expertChoice = LayoutControls.expertDtype(Scenario::withExpertDtype, this::combo);
        LayoutControls.cells(attnTpChoice, t -> t == 1 ? "1 (data-parallel)" : "TP" + t,
                t -> LayoutControls.tpRefusal(scenario.get(), t));
        LayoutControls.cells(moeTpChoice, t -> t == 1 ? "1 (EP only)" : "TP" + t + " x EP",
                t -> LayoutControls.tpRefusal(scenario.get(), t));
        LayoutControls.cells(expertChoice, ExpertDtype::label, d -> LayoutControls.dtypeRefusal(scenario.get(), d));
        Names.name(eplb, "eplbSwitch");
        Tips.set(eplb, ("DeepSeek's expert-parallel load balancer: copies hot experts and packs them evenly; off "
                + "places experts by id, so the hottest card carries the hot experts. Calibrated fidelity only."));
        eplb.selectedProperty().addListener((obs, was, now) -> edit(s -> s.withEplb(now)));
        redundant = number("redundantExperts", "Redundant experts", "copies", "Copies of hot experts EPLB adds (32 as "
                + "DeepSeek deploys); each EP group holds ceil((routed + redundant) / EP) slots.", SliderScale.linear(0, 128, 1),
                0, Deployment.MAX_REDUNDANT_EXPERTS, true, (s, v) -> s.withRedundantExperts(v.intValue()));
        Names.name(peers, "peersSwitch");
        Tips.set(peers, ("Decode's dispatch and combine to the cards of its own scale-up domain go over the scale-up link "
                + "(DeepEP's low-latency kernels since May 2025, PR 173); off sends every peer's share over the NIC, as "
                + "DeepEP did before. Calibrated fidelity only."));
        peers.selectedProperty().addListener((obs, was, now) -> edit(s -> s.withLocalPeersOverScaleUp(now)));
        Names.name(layoutNote, "layoutNote");
        layoutNote.getStyleClass().add("control-title");
        layoutNote.setWrapText(true);
        layoutNote.managedProperty().bind(layoutNote.visibleProperty());
        reserve = number("reserve", "Memory reserve", "GB", "HBM kept for the runtime (CUDA context, communication buffers, "
                + "activations, workspace); calibrated fidelity only.", SliderScale.linear(0, 32, 0.5), 0, Assumptions.MAX_RESERVE_BYTES / 1e9, false,
                (s, v) -> s.withAssumptions(a -> a.withMemoryReserve(v * 1e9)));
        kernelGap = number("kernelGap", "Kernel gap", "µs", "Launch and synchronisation gap after each kernel (assumed, "
                + "2 µs for CUDA graphs); calibrated fidelity only.", SliderScale.linear(0, 20, 0.5), 0, Assumptions.MAX_KERNEL_GAP_SEC * 1e6, false,
                (s, v) -> s.withAssumptions(a -> a.withKernelGap(v * 1e-6)));
        hostOverhead = number("hostOverhead", "Host overhead", "%", "Host work the GPU waits for each step (scheduling, "
                + "sampling), as a share of the GPU step: 10 % assumed from SGLang v0.4's 1.1x gain from overlapping it; "
                + "0 for an engine that overlaps it. Calibrated fidelity only.", SliderScale.linear(0, 50, 1), 0, Assumptions.MAX_HOST_OVERHEAD * 100,
                false, (s, v) -> s.withAssumptions(a -> a.withHostOverhead(v / 100)));
        Names.name(promotion, "promotionSwitch");
        Tips.set(promotion, ("Apply DeepGEMM's FP8 promotion discount to the MoE GEMMs on chips that need it."));
        promotion.selectedProperty().addListener((obs, was, now) -> edit(s -> s.withPromotion(now)));

        Names.name(note, "scenarioNote");
        note.getStyleClass().add("error-text");
        note.setWrapText(true);
        note.managedProperty().bind(note.visibleProperty());
        note.setVisible(false);
        getChildren().addAll(section("Hardware"), note, labelled("Model", modelChoice), labelled("Chip", chipChoice),
                labelled("NIC", nicChoice), new Separator(), section("Deployment"), batch, ep, context, mtpDepth,
                mtpAcceptance, new Separator(), section("Numerics and pipeline"), labelled("KV cache", kvChoice),
                labelled("Weights", weightChoice), labelled("FA3 stage mode", fa3Choice), labelled("Policy", policyChoice),
                labelled("Fidelity", fidelityChoice), promotion);
        belowTheFold = List.of(new Separator(), section("Layout and balance"),
                layoutNote, labelled("Attention TP", attnTpChoice), labelled("MoE TP", moeTpChoice),
                labelled("Routed experts", expertChoice), eplb, redundant, peers, new Separator(),
                section("Calibrated assumptions"), reserve, kernelGap, hostOverhead);
        subscription = scenario.subscribe(this::show);
    }

    /**
     * Adds the sections below the fold to the panel, once (the window calls it after its first frame has shown a
     * result; an export before its snapshot).
     */
    public void completeSections() {
        if (!sectionsComplete()) {
            getChildren().addAll(belowTheFold);
        }
    }

    /** Whether the sections below the fold are in the panel. */
    public boolean sectionsComplete() {
        return getChildren().contains(belowTheFold.get(0));
    }

    /** Adds a chip the user saved or imported to the chip picker (replacing one of the same name). */
    public void addChip(Chip chip) {
        addChoice(chipChoice, chip, Chip::name);
    }

    /** Adds a model the user imported to the model picker (replacing one of the same name). */
    public void addModel(ModelConfig model) {
        addChoice(modelChoice, model, ModelConfig::name);
    }

    /** Replaces the same-named item in place, or appends; the selection moving meanwhile is not an edit. Then shows the scenario again. */
    private <T> void addChoice(ComboBox<T> box, T item, Function<T, String> name) {
        showing = true;
        try {
            List<T> items = box.getItems();
            int i = 0;
            while (i < items.size() && !name.apply(items.get(i)).equals(name.apply(item))) {
                i++;
            }
            if (i < items.size()) {
                items.set(i, item);
            } else {
                items.add(item);
            }
        } finally {
            showing = false;
        }
        show(scenario.get());
    }

    /** Stops following the model (the view is going away). */
    public void dispose() {
        subscription.unsubscribe();
    }

    private void show(Scenario s) {
        showing = true;
        try {
            modelChoice.setValue(s.model());
            chipChoice.setValue(s.chip());
            nicChoice.setValue(s.nic());
            batch.show(s.batchPerCard());
            ep.show(s.ep());
            context.show(s.contextTokens());
            mtpDepth.show(s.mtpDepth());
            mtpAcceptance.show(s.mtpAcceptance());
            kvChoice.setValue(s.kvDtype());
            weightChoice.setValue(s.weightDtype());
            fa3Choice.setValue(s.fa3());
            policyChoice.setValue(s.policy());
            fidelityChoice.setValue(s.fidelity());
            promotion.setSelected(s.promotion());
            mtpAcceptance.setDisabledBecause(s.mtpDepth() == 0 ? "needs MTP depth ≥ 1" : null);
            reserve.show(s.assumptions().memoryReserveBytes() / 1e9);
            kernelGap.show(s.assumptions().kernelGapSec() * 1e6);
            hostOverhead.show(s.assumptions().hostOverheadFraction() * 100);
            String seedOnly = Plan.rules(s).appliesAssumptions() ? null : s.fidelity().label() + " fidelity has none (seed 000)";
            reserve.setDisabledBecause(seedOnly);
            kernelGap.setDisabledBecause(seedOnly);
            hostOverhead.setDisabledBecause(seedOnly);
            attnTpChoice.setValue(s.attentionTp());
            moeTpChoice.setValue(s.moeTp());
            expertChoice.setValue(s.expertDtype());
            eplb.setSelected(s.eplb());
            redundant.show(s.redundantExperts());
            peers.setSelected(s.localPeersOverScaleUp());
            String layoutOff = LayoutControls.disabledReason(s);
            String tpOff = layoutOff == null && s.chip().scaleUpDomain() == 1
                    ? s.chip().name() + " has no scale-up domain: tensor parallelism needs one" : null;
            attnTpChoice.setDisable(layoutOff != null || tpOff != null);
            moeTpChoice.setDisable(layoutOff != null || tpOff != null);
            expertChoice.setDisable(layoutOff != null);
            eplb.setDisable(layoutOff != null);
            peers.setDisable(layoutOff != null);
            redundant.setDisabledBecause(layoutOff != null ? "seed fidelity assumes perfect balance (seed 000)"
                    : s.eplb() ? null : "EPLB is off: no copies are placed");
            String why = layoutOff != null ? "Off: " + layoutOff + "." : tpOff != null ? "TP off: " + tpOff + "." : "";
            layoutNote.setText(why);
            layoutNote.setVisible(!why.isEmpty());
        } finally {
            showing = false;
        }
    }

    /** {@code s} moved by {@code move} to a chip or fidelity, its layout fitted to them; the note says what changed. */
    private Scenario fit(Scenario s, UnaryOperator<Scenario> move, Chip chip, Fidelity fidelity) {
        List<String> notes = new java.util.ArrayList<>();
        Scenario out = LayoutControls.fitted(s, move, chip, fidelity, notes);
        pendingNote = notes.isEmpty() ? "" : String.join("; ", notes) + ".";
        return out;
    }

    /** Applies an edit; an {@link IllegalArgumentException} from the scenario propagates to the control. */
    private void edit(UnaryOperator<Scenario> change) {
        if (!showing) {
            pendingNote = "";
            scenario.set(change.apply(scenario.get()));
            showNote(pendingNote);
        }
    }

    /**
     * A note above the pickers: what an edit changed besides itself (EP lowered for a model with fewer experts), or
     * why a choice was refused; empty hides it. The next edit replaces it.
     */
    public void showNote(String text) {
        note.setText(text);
        note.setVisible(!text.isEmpty());
    }

    Label note() {
        return note;
    }

    private NumberControl number(String id, String title, String unit, String tip, SliderScale scale, double min,
                                 double max, boolean integer, BiFunction<Scenario, Double, Scenario> apply) {
        NumberControl c = new NumberControl(id, title, unit, tip, scale, min, max, integer);
        c.setOnCommit(v -> edit(s -> apply.apply(s, v)));
        return c;
    }

    <T> ComboBox<T> combo(String id, List<T> items, Function<T, String> name, String tip,
                                  BiFunction<Scenario, T, Scenario> apply) {
        ComboBox<T> box = new ComboBox<>() {
            @Override
            protected Skin<?> createDefaultSkin() {
                return new ListOnOpenSkin<>(this); // the list is built when it first opens
            }
        };
        box.getItems().setAll(items);
        Names.name(box, id);
        box.setMaxWidth(Double.MAX_VALUE);
        Tips.set(box, tip);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String text) {
                return items.stream().filter(t -> name.apply(t).equals(text)).findFirst().orElse(null);
            }
        });
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !showing) {
                try {
                    edit(s -> apply.apply(s, now));
                } catch (IllegalArgumentException e) {
                    // refused: the picker goes back to the scenario's value, which is unchanged, and says why
                    show(scenario.get());
                    showNote(name.apply(now) + " refused: " + e.getMessage());
                }
            }
        });
        return box;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static VBox labelled(String text, javafx.scene.Node control) {
        Label l = new Label(text);
        l.getStyleClass().add("control-title");
        l.setLabelFor(control);
        return new VBox(2, l, control);
    }
}
