package dev.ridgeline.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.function.Function;

import dev.ridgeline.engine.model.Assumptions;
import dev.ridgeline.engine.model.AttentionKind;
import dev.ridgeline.engine.model.CalibrationKey;
import dev.ridgeline.engine.model.CardCost;
import dev.ridgeline.engine.model.Deployment;
import dev.ridgeline.engine.model.Hardware;
import dev.ridgeline.engine.model.Numerics;
import dev.ridgeline.engine.model.Readings;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.ExpertDtype;
import dev.ridgeline.engine.model.ExpertLoad;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.Fa3Setting;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.model.ThroughputReading;

/** The JSON shapes of preset files: every key names its unit; each maps to an engine record in SI units. */
final class PresetFiles {
    /** Schema of NIC files. */
    static final int SCHEMA_VERSION = 1;
    /** Schema of model files: 2 added {@code expertGroups} and {@code limitedGroups} (see {@link Migrations}). */
    static final int MODEL_SCHEMA_VERSION = 2;
    /** Schema of chip files: 2 added {@code calibration}, 3 {@code fp4Tflops}, 4 the {@code cost} object (see {@link Migrations}). */
    static final int CHIP_SCHEMA_VERSION = 4;
    /**
     * Schema of scenario files: 2 added the calibrated assumptions, 3 the layout ({@code attentionTp}, {@code moeTp}),
     * the balancer ({@code eplb}, {@code redundantExperts}) and {@code expertDtype}, 4 {@code localPeersOverScaleUp}
     * (see {@link Migrations}).
     */
    static final int SCENARIO_SCHEMA_VERSION = 4;

    private PresetFiles() {
    }

    /**
     * A chip, in decimal units (GB = 1e9 bytes, TFLOPS = 1e12 FLOP/s, Tops = 1e12 operations/s). The seed's chips
     * carry the seed's GiB readings converted exactly (80 GiB = 85.89934592 GB).
     */
    record ChipFile(int schemaVersion, String name, String source, String confidence, double memoryGB,
                    double hbmBandwidthGBPerSec, double fp8Tflops, double bf16Tflops, double fp4Tflops, double exp2Tops,
                    double fp32AddTops, Fa3Mode fa3Mode, boolean fp8LowAccPrecision,
                    double threadAllReduceLatencyMicros, int scaleUpDomainCards, double scaleUpBandwidthGBPerSec,
                    CalibrationKey calibration, CostFile cost) {

        Chip toChip() {
            return new Chip(name, source, memoryGB * 1e9, hbmBandwidthGBPerSec * 1e9, fp8Tflops * 1e12,
                    bf16Tflops * 1e12, fp4Tflops * 1e12, exp2Tops * 1e12, fp32AddTops * 1e12, threadAllReduceLatencyMicros * 1e-6,
                    fa3Mode, fp8LowAccPrecision, confidence, scaleUpDomainCards, scaleUpBandwidthGBPerSec * 1e9,
                    calibration, cost.toCost());
        }

        static ChipFile of(Chip c) {
            return new ChipFile(CHIP_SCHEMA_VERSION, c.name(), c.source(), c.confidence(), c.memoryBytes() / 1e9,
                    c.hbmBandwidthBytesPerSec() / 1e9, c.fp8FlopsPerSec() / 1e12, c.bf16FlopsPerSec() / 1e12,
                    c.fp4FlopsPerSec() / 1e12, c.exp2PerSec() / 1e12, c.fp32AddPerSec() / 1e12, c.fa3Mode(), c.fp8LowAccPrecision(),
                    c.threadAllReduceLatencySec() * 1e6, c.scaleUpDomain(), c.scaleUpBandwidthBytesPerSec() / 1e9,
                    c.calibration(), CostFile.of(c.cost()));
        }
    }

    /**
     * A chip's price and power (DESIGN 4d): a rental price in dollars per card-hour or a purchase price with its
     * amortisation and electricity price (0 for the one not used; both 0 for no price), the power of the card with its
     * share of host and network in kW (0 when not known), the PUE, and where and when they were read.
     */
    record CostFile(double dollarsPerCardHour, double purchaseDollars, double amortisationYears,
                    double electricityDollarsPerKwh, String priceSource, String asOf, double powerKw, double pue,
                    String powerSource) {
        CardCost toCost() {
            return new CardCost(dollarsPerCardHour, new CardCost.Tco(purchaseDollars, amortisationYears,
                    electricityDollarsPerKwh), powerKw, pue, priceSource, powerSource, asOf);
        }

        static CostFile of(CardCost c) {
            return new CostFile(c.rentalDollarsPerHour(), c.tco().purchaseDollars(), c.tco().years(),
                    c.tco().dollarsPerKwh(), c.priceSource(), c.asOf(), c.powerKw(), c.pue(), c.powerSource());
        }
    }

    /** A NIC with its effective bandwidth per card in GB/s (1e9). */
    record NicFile(int schemaVersion, String name, String source, double bandwidthGBPerSec, double latencyMicros) {
        Nic toNic() {
            return new Nic(name, source, bandwidthGBPerSec * 1e9, latencyMicros * 1e-6);
        }

        static NicFile of(Nic n) {
            return new NicFile(SCHEMA_VERSION, n.name(), n.source(), n.bandwidthBytesPerSec() / 1e9, n.latencySec() * 1e6);
        }
    }

    /** A model: every shape key is present; the other attention kind's keys are 0 (shapes are counts, no units). */
    record ModelFile(int schemaVersion, String name, String source, AttentionKind attention, int hiddenSize,
                     int numLayers, int denseLayers, int numHeads, int numKeyValueHeads, int headDim, int qLoraRank,
                     int kvLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim, int routedExperts,
                     int sharedExperts, int expertsPerToken, int moeIntermediateSize, int denseIntermediateSize,
                     int vocabSize, int mtpModules, int expertGroups, int limitedGroups) {
        ModelConfig toModel() {
            return new ModelConfig(name, source, attention, hiddenSize, numLayers, denseLayers, numHeads,
                    numKeyValueHeads, headDim, qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim,
                    routedExperts, sharedExperts, expertsPerToken, moeIntermediateSize, denseIntermediateSize,
                    vocabSize, mtpModules, expertGroups, limitedGroups);
        }

        static ModelFile of(ModelConfig m) {
            return new ModelFile(MODEL_SCHEMA_VERSION, m.name(), m.source(), m.attention(), m.hiddenSize(), m.numLayers(),
                    m.denseLayers(), m.numHeads(), m.numKeyValueHeads(), m.headDim(), m.qLoraRank(), m.kvLoraRank(),
                    m.qkNopeHeadDim(), m.qkRopeHeadDim(), m.vHeadDim(), m.routedExperts(), m.sharedExperts(),
                    m.expertsPerToken(), m.moeIntermediateSize(), m.denseIntermediateSize(), m.vocabSize(), m.mtpModules(),
                    m.expertGroups(), m.limitedGroups());
        }
    }

    /**
     * A scenario: model, chip and NIC each by preset name, or inline as a whole preset object when the scenario's
     * differs from the preset of that name (an edited chip, an imported model), so that nothing is lost on reload.
     */
    record ScenarioFile(int schemaVersion, String name, String source, JsonNode model, JsonNode chip, JsonNode nic,
                        int batchPerCard, int ep, int contextTokens, int mtpDepth, double mtpAcceptance,
                        int attentionTp, int moeTp, boolean eplb, int redundantExperts, boolean localPeersOverScaleUp,
                        Dtype kvDtype, Dtype weightDtype, ExpertDtype expertDtype, Fa3Setting fa3, Policy policy,
                        boolean promotion, double gemmEfficiency, Fidelity fidelity, ThroughputReading throughputReading,
                        int faChunkTokens, ExpertLoad expertLoad, double memoryReserveGB, double kernelGapMicros,
                        double hostOverheadFraction) {

        Scenario toScenario(Catalog catalog, String file) {
            // plain calls, not method references: the dynamic class-data archive never kept this record's six lambda
            // classes, so each start of a command made them again (-Xlog:class+load)
            ModelConfig m = named(model, "model", file) ? catalog.model(model.asText())
                    : Presets.parseModel(model.toString(), file + " (model)");
            Chip c = named(chip, "chip", file) ? catalog.chip(chip.asText())
                    : Presets.parseChip(chip.toString(), file + " (chip)");
            Nic n = named(nic, "nic", file) ? catalog.nic(nic.asText())
                    : Presets.parseNic(nic.toString(), file + " (nic)");
            return new Scenario(m, new Hardware(c, n),
                    new Deployment(batchPerCard, ep, contextTokens, mtpDepth, mtpAcceptance, policy, attentionTp, moeTp,
                            eplb, redundantExperts, localPeersOverScaleUp),
                    new Numerics(kvDtype, weightDtype, expertDtype, fa3, promotion, gemmEfficiency),
                    new Readings(fidelity, throughputReading, faChunkTokens, expertLoad),
                    new Assumptions(memoryReserveGB * 1e9, kernelGapMicros * 1e-6, hostOverheadFraction));
        }

        /**
         * Whether {@code key}'s value names a preset; else it is inline, a whole preset document (schema version and
         * all), read as its file would be. Anything else is refused.
         */
        private static boolean named(JsonNode node, String key, String file) {
            if (node == null || node.isNull()) {
                throw new PresetException(file + ": key '" + key + "' must not be null");
            }
            if (node.isTextual()) {
                return true;
            }
            if (!node.isObject()) {
                throw new PresetException(file + ": key '" + key + "' must be a preset name or a " + key
                        + " object, was " + Json.value(node));
            }
            return false;
        }

        static ScenarioFile of(String name, Scenario s, Catalog catalog) {
            return new ScenarioFile(SCENARIO_SCHEMA_VERSION, name, "saved by Ridgeline",
                    ref(s.model(), s.model().name(), catalog::model, ModelFile::of),
                    ref(s.chip(), s.chip().name(), catalog::chip, ChipFile::of),
                    ref(s.nic(), s.nic().name(), catalog::nic, NicFile::of),
                    s.batchPerCard(), s.ep(), s.contextTokens(), s.mtpDepth(), s.mtpAcceptance(),
                    s.attentionTp(), s.moeTp(), s.eplb(), s.redundantExperts(), s.localPeersOverScaleUp(),
                    s.kvDtype(), s.weightDtype(), s.expertDtype(), s.fa3(), s.policy(), s.promotion(), s.gemmEfficiency(),
                    s.fidelity(), s.throughputReading(), s.faChunkTokens(), s.expertLoad(),
                    s.assumptions().memoryReserveBytes() / 1e9, s.assumptions().kernelGapSec() * 1e6,
                    s.assumptions().hostOverheadFraction());
        }

        /** The preset's name when the catalog's preset of that name is this very value, else the whole value. */
        private static <T> JsonNode ref(T value, String name, Function<String, T> byName, Function<T, Object> file) {
            T preset;
            try {
                preset = byName.apply(name);
            } catch (PresetException e) {
                preset = null;
            }
            return value.equals(preset) ? TextNode.valueOf(name) : Json.mapper().valueToTree(file.apply(value));
        }
    }
}
