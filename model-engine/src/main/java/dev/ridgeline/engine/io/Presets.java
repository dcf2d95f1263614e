package dev.ridgeline.engine.io;

import dev.ridgeline.engine.io.PresetFiles.ChipFile;
import dev.ridgeline.engine.io.PresetFiles.ModelFile;
import dev.ridgeline.engine.io.PresetFiles.NicFile;
import dev.ridgeline.engine.io.PresetFiles.ScenarioFile;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import dev.ridgeline.engine.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads presets from the assets jar ({@code presets/index.json} lists them) and scenario files from disk.
 * Every failure is a {@link PresetException} whose one-line message names the file and the key.
 */
public final class Presets {
    public static final String ROOT = "presets/";

    private Presets() {
    }

    /** Index of the built-in presets: file names per folder. */
    record Index(List<String> chips, List<String> nics, List<String> models, List<String> scenarios) {
    }

    private static final class Holder {
        static final Catalog BUILT_IN = loadBuiltIn();
    }

    /** The built-in presets, loaded once. */
    public static Catalog builtIn() {
        return Holder.BUILT_IN;
    }

    static Catalog loadBuiltIn() {
        Index index = Json.read(resource(ROOT + "index.json"), Index.class, ROOT + "index.json");
        List<Chip> chips = new ArrayList<>();
        for (String f : index.chips()) {
            chips.add(parseChip(resource(ROOT + "chips/" + f), ROOT + "chips/" + f));
        }
        List<Nic> nics = new ArrayList<>();
        for (String f : index.nics()) {
            nics.add(parseNic(resource(ROOT + "nics/" + f), ROOT + "nics/" + f));
        }
        List<ModelConfig> models = new ArrayList<>();
        for (String f : index.models()) {
            models.add(parseModel(resource(ROOT + "models/" + f), ROOT + "models/" + f));
        }
        return new Catalog(chips, nics, models);
    }

    /** Names of the built-in scenario files, e.g. {@code default}. */
    public static List<String> builtInScenarioNames() {
        Index index = Json.read(resource(ROOT + "index.json"), Index.class, ROOT + "index.json");
        return index.scenarios().stream().map(f -> f.replaceFirst("\\.json$", "")).toList();
    }

    /** A built-in scenario by name, resolved against the built-in catalog. */
    public static Scenario builtInScenario(String name) {
        String file = ROOT + "scenarios/" + name + ".json";
        return parseScenario(resource(file), file, builtIn());
    }

    public static Chip parseChip(String json, String file) {
        ChipFile f = Json.read(json, ChipFile.class, file);
        checkVersion(f.schemaVersion(), file);
        return build(() -> f.toChip(), file);
    }

    public static Nic parseNic(String json, String file) {
        NicFile f = Json.read(json, NicFile.class, file);
        checkVersion(f.schemaVersion(), file);
        return build(() -> f.toNic(), file);
    }

    public static ModelConfig parseModel(String json, String file) {
        ModelFile f = Json.read(json, ModelFile.class, file);
        checkVersion(f.schemaVersion(), file);
        return build(() -> f.toModel(), file);
    }

    public static Scenario parseScenario(String json, String file, Catalog catalog) {
        ScenarioFile f = Json.read(json, ScenarioFile.class, file);
        checkVersion(f.schemaVersion(), file);
        return build(() -> f.toScenario(catalog), file);
    }

    /** Reads a scenario file from disk. */
    public static Scenario readScenario(Path path, Catalog catalog) {
        return parseScenario(readFile(path), path.toString(), catalog);
    }

    /** The chip as a versioned preset document (what "save as preset" writes). */
    public static String chipJson(Chip chip) {
        try {
            return Json.MAPPER.writeValueAsString(ChipFile.of(chip)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario as a versioned JSON document. */
    public static String scenarioJson(String name, Scenario s) {
        try {
            return Json.MAPPER.writeValueAsString(ScenarioFile.of(name, s)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the scenario atomically: the old file stays whole if anything fails. */
    public static void writeScenario(Path path, Scenario s) throws IOException {
        String name = path.getFileName().toString().replaceFirst("\\.json$", "");
        AtomicFiles.write(path, scenarioJson(name, s));
    }

    static String readFile(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PresetException(path + ": no such file");
        } catch (IOException e) {
            throw new PresetException(path + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void checkVersion(int version, String file) {
        if (version != PresetFiles.SCHEMA_VERSION) {
            throw new PresetException(file + ": key 'schemaVersion' must be " + PresetFiles.SCHEMA_VERSION
                    + ", was " + version);
        }
    }

    private static <T> T build(java.util.function.Supplier<T> factory, String file) {
        try {
            return factory.get();
        } catch (PresetException e) {
            throw new PresetException(file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PresetException(file + ": " + e.getMessage(), e);
        }
    }

    static String resource(String name) {
        try (InputStream in = Presets.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new PresetException(name + ": not on the classpath (is the assets jar missing?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PresetException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
