package dev.ridgeline.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ridgeline.engine.model.FieldException;
import java.util.Map;

/**
 * Record components as a file names them: a refused {@code hbmBandwidthBytesPerSec} is reported as the file's key
 * {@code hbmBandwidthGBPerSec}, with bounds in GB/s and the value as the file wrote it.
 */
final class FileKeys {
    /** A file key and its unit: record value = file value x {@code scale}. */
    record Key(String name, double scale) {
    }

    /** Chip components whose preset key or unit differs ({@link PresetFiles.ChipFile}); the rest keep their name. */
    static final Map<String, Key> CHIP = Map.ofEntries(
            Map.entry("dollarsPerCardHour", new Key("cost.dollarsPerCardHour", 1)),
            Map.entry("purchaseDollars", new Key("cost.purchaseDollars", 1)),
            Map.entry("amortisationYears", new Key("cost.amortisationYears", 1)),
            Map.entry("electricityDollarsPerKwh", new Key("cost.electricityDollarsPerKwh", 1)),
            Map.entry("powerKw", new Key("cost.powerKw", 1)),
            Map.entry("pue", new Key("cost.pue", 1)),
            Map.entry("memoryBytes", new Key("memoryGB", 1e9)),
            Map.entry("hbmBandwidthBytesPerSec", new Key("hbmBandwidthGBPerSec", 1e9)),
            Map.entry("fp8FlopsPerSec", new Key("fp8Tflops", 1e12)),
            Map.entry("bf16FlopsPerSec", new Key("bf16Tflops", 1e12)),
            Map.entry("fp4FlopsPerSec", new Key("fp4Tflops", 1e12)),
            Map.entry("exp2PerSec", new Key("exp2Tops", 1e12)),
            Map.entry("fp32AddPerSec", new Key("fp32AddTops", 1e12)),
            Map.entry("threadAllReduceLatencySec", new Key("threadAllReduceLatencyMicros", 1e-6)),
            Map.entry("scaleUpDomain", new Key("scaleUpDomainCards", 1)),
            Map.entry("scaleUpBandwidthBytesPerSec", new Key("scaleUpBandwidthGBPerSec", 1e9)));

    /** NIC components ({@link PresetFiles.NicFile}). */
    static final Map<String, Key> NIC = Map.of(
            "bandwidthBytesPerSec", new Key("bandwidthGBPerSec", 1e9),
            "latencySec", new Key("latencyMicros", 1e-6));

    private FileKeys() {
    }

    /**
     * "key 'hbmBandwidthGBPerSec' must be in [0.01, 1000000], was 1e-300": the refusal in the file's key and unit,
     * the value echoed as the file wrote it when {@code tree} has it.
     */
    static String restate(FieldException e, Map<String, Key> keys, JsonNode tree) {
        Key key = keys.getOrDefault(e.field(), new Key(e.field(), 1));
        JsonNode written = tree == null ? null : tree.at("/" + key.name().replace('.', '/'));
        String rule = "key '" + key.name() + "' " + e.rule(key.scale()) + ", was ";
        return rule + (written != null && !written.isMissingNode() && written.isValueNode() ? Json.value(written)
                : dev.ridgeline.engine.model.Checks.number(e.value() / key.scale()));
    }
}
