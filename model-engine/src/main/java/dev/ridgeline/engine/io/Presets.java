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

    /** A catalog with the user's presets added, and one line per user file that could not be used. */
    public record Loaded(Catalog catalog, List<String> problems) {
    }

    /**
     * The built-in presets plus the user's chips, NICs and models under {@code dir} ({@code chips/}, {@code nics/},
     * {@code models/}, JSON). A broken user file is skipped and reported; it never hides the built-ins. A user preset
     * whose name a built-in already has is skipped too.
     */
    public static Loaded withUserPresets(Path dir) {
        Catalog base = builtIn();
        List<Chip> chips = new ArrayList<>(base.chips());
        List<Nic> nics = new ArrayList<>(base.nics());
        List<ModelConfig> models = new ArrayList<>(base.models());
        List<String> problems = new ArrayList<>();
        loadUser(dir.resolve("chips"), chips, Chip::name, Presets::parseChip, problems);
        loadUser(dir.resolve("nics"), nics, Nic::name, Presets::parseNic, problems);
        loadUser(dir.resolve("models"), models, ModelConfig::name, Presets::parseModel, problems);
        return new Loaded(new Catalog(chips, nics, models), problems);
    }

    private static <T> void loadUser(Path folder, List<T> into, java.util.function.Function<T, String> name,
                                     java.util.function.BiFunction<String, String, T> parse, List<String> problems) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    T item = parse.apply(readFile(f), f.toString());
                    boolean taken = into.stream().anyMatch(i -> name.apply(i).equalsIgnoreCase(name.apply(item)));
                    if (taken) {
                        problems.add(f + ": name '" + name.apply(item) + "' is already taken; skipped");
                    } else {
                        into.add(item);
                    }
                } catch (PresetException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add(folder + ": cannot be listed (" + e.getMessage() + ")");
        }
    }

    /**
     * Saves a chip as a user preset {@code dir/chips/NAME.json}, atomically; refuses a name a built-in chip has.
     * Returns the file written.
     */
    public static Path saveUserChip(Path dir, Chip chip) throws IOException {
        if (builtIn().chips().stream().anyMatch(c -> c.name().equalsIgnoreCase(chip.name()))) {
            throw new PresetException("chip name '" + chip.name() + "' is a built-in preset; choose another name");
        }
        String file = chip.name().replaceAll("[^A-Za-z0-9._-]+", "_") + ".json";
        Path target = dir.resolve("chips").resolve(file);
        AtomicFiles.write(target, chipJson(chip));
        return target;
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
        ChipFile f = Json.read(Migrations.chip(json, file), ChipFile.class, file);
        checkVersion(f.schemaVersion(), PresetFiles.CHIP_SCHEMA_VERSION, file);
        return build(() -> f.toChip(), file);
    }

    public static Nic parseNic(String json, String file) {
        NicFile f = Json.read(json, NicFile.class, file);
        checkVersion(f.schemaVersion(), PresetFiles.SCHEMA_VERSION, file);
        return build(() -> f.toNic(), file);
    }

    public static ModelConfig parseModel(String json, String file) {
        ModelFile f = Json.read(json, ModelFile.class, file);
        checkVersion(f.schemaVersion(), PresetFiles.SCHEMA_VERSION, file);
        return build(() -> f.toModel(), file);
    }

    public static Scenario parseScenario(String json, String file, Catalog catalog) {
        ScenarioFile f = Json.read(Migrations.scenario(json, file), ScenarioFile.class, file);
        checkVersion(f.schemaVersion(), PresetFiles.SCENARIO_SCHEMA_VERSION, file);
        return build(() -> f.toScenario(catalog, file), file);
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

    /** The scenario as a versioned JSON document; presets of the built-in catalog are named, others inlined. */
    public static String scenarioJson(String name, Scenario s) {
        return scenarioJson(name, s, builtIn());
    }

    /** The scenario as a versioned JSON document; presets of {@code catalog} are named, anything else inlined. */
    public static String scenarioJson(String name, Scenario s, Catalog catalog) {
        try {
            return Json.MAPPER.writeValueAsString(ScenarioFile.of(name, s, catalog)) + "\n";
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

    private static void checkVersion(int version, int current, String file) {
        if (version != current) {
            throw new PresetException(file + ": key 'schemaVersion' must be " + current + ", was " + version);
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
