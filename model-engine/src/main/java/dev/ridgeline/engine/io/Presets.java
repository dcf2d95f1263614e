package dev.ridgeline.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ridgeline.engine.io.PresetFiles.ChipFile;
import dev.ridgeline.engine.io.PresetFiles.ModelFile;
import dev.ridgeline.engine.io.PresetFiles.NicFile;
import dev.ridgeline.engine.io.PresetFiles.ScenarioFile;
import dev.ridgeline.engine.model.Checks;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.FieldException;
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
import java.util.Map;

/**
 * Loads presets from the assets jar ({@code presets/index.json} lists them) and scenario files from disk.
 * Every failure is a {@link PresetException} whose one-line message names the file and the key.
 */
public final class Presets {
    public static final String ROOT = "presets/";

    private Presets() {
    }

    /**
     * Index of the built-in presets: each chip's, NIC's and model's name and its file, in the order they are listed;
     * the scenarios' files. A preset is read only when it is first asked for (PresetsTest reads every one).
     */
    record Index(Map<String, String> chips, Map<String, String> nics, Map<String, String> models,
                 List<String> scenarios) {
    }

    private static final class Holder {
        static final Catalog BUILT_IN = loadBuiltIn();
    }

    /** The built-in presets, each read from the assets jar the first time it is asked for. */
    public static Catalog builtIn() {
        return Holder.BUILT_IN;
    }

    static Catalog loadBuiltIn() {
        Index index = index();
        return Catalog.of(entries(index.chips(), "chips/", Presets::parseChip, Chip::name),
                entries(index.nics(), "nics/", Presets::parseNic, Nic::name),
                entries(index.models(), "models/", Presets::parseModel, ModelConfig::name));
    }

    private static Index index() {
        return IndexReader.read(resource(ROOT + "index.json"), ROOT + "index.json");
    }

    /** One entry per preset the index lists: read from its file when asked for, and refused if named otherwise. */
    static <T> List<Catalog.Entry<T>> entries(Map<String, String> listed, String folder,
                                              java.util.function.BiFunction<String, String, T> parse,
                                              java.util.function.Function<T, String> name) {
        List<Catalog.Entry<T>> out = new ArrayList<>();
        listed.forEach((listedName, fileName) -> {
            String file = ROOT + folder + fileName;
            out.add(new Catalog.Entry<>(listedName, () -> {
                T item = parse.apply(resource(file), file);
                if (!name.apply(item).equals(listedName)) {
                    throw new PresetException(file + ": key 'name' is " + Checks.quote(name.apply(item)) + " but "
                            + ROOT + "index.json lists the file as " + Checks.quote(listedName));
                }
                return item;
            }));
        });
        return out;
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
        List<String> problems = new ArrayList<>();
        List<Chip> chips = loadUser(dir.resolve("chips"), base::hasChip, Chip::name, Presets::parseChip, problems);
        List<Nic> nics = loadUser(dir.resolve("nics"), base::hasNic, Nic::name, Presets::parseNic, problems);
        List<ModelConfig> models = loadUser(dir.resolve("models"), base::hasModel, ModelConfig::name,
                Presets::parseModel, problems);
        return new Loaded(base.plus(chips, nics, models), problems);
    }

    /** The usable presets of a user folder, in file order; {@code builtIn} tells a name a built-in preset has. */
    private static <T> List<T> loadUser(Path folder, java.util.function.Predicate<String> builtIn,
                                        java.util.function.Function<T, String> name,
                                        java.util.function.BiFunction<String, String, T> parse, List<String> problems) {
        List<T> into = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return into;
        }
        AtomicFiles.removeStaleTemporaries(folder);
        List<Path> files;
        try (java.util.stream.Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException | RuntimeException e) {
            problems.add(folder + ": cannot be listed (" + e.getMessage() + ")");
            return into;
        }
        for (Path f : files) {
            try {
                T item = parse.apply(readFile(f), f.toString());
                String key = Catalog.key(name.apply(item));
                if (builtIn.test(name.apply(item)) || into.stream().anyMatch(i -> Catalog.key(name.apply(i)).equals(key))) {
                    problems.add(f + ": name " + Checks.quote(name.apply(item)) + " is already taken; skipped");
                } else {
                    into.add(item);
                }
            } catch (RuntimeException e) {
                // a user file never stops the load: whatever is wrong with it, it is named and skipped
                problems.add(e instanceof PresetException ? e.getMessage() : f + ": cannot be used (" + e + ")");
            }
        }
        return into;
    }

    /**
     * Saves a chip as a user preset under {@code dir/chips/}, atomically, and returns the file written. Refuses a
     * name a built-in chip has. A chip whose name equals a saved one ({@link Catalog#key}) replaces it in its file;
     * a new name gets a file of its own ({@link #fileName}), so distinct names never overwrite each other.
     */
    public static Path saveUserChip(Path dir, Chip chip) throws IOException {
        String key = Catalog.key(chip.name());
        if (builtIn().hasChip(chip.name())) {
            throw new PresetException("chip name " + Checks.quote(chip.name()) + " is a built-in preset; choose another name");
        }
        Path folder = dir.resolve("chips");
        Path target = null;
        if (Files.isDirectory(folder)) {
            try (java.util.stream.Stream<Path> listing = Files.list(folder)) {
                for (Path f : listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    String saved = savedName(f);
                    if (saved != null && Catalog.key(saved).equals(key)) {
                        target = f;
                        break;
                    }
                }
            }
        }
        if (target == null) {
            target = folder.resolve(fileName(chip.name()));
            if (Files.exists(target)) {
                String other = savedName(target);
                throw new PresetException("chip " + Checks.quote(chip.name()) + " not saved: its file " + target
                        + " holds " + (other == null ? "a preset that cannot be read" : "chip " + Checks.quote(other))
                        + "; choose another name or move that file");
            }
        }
        AtomicFiles.write(target, chipJson(chip));
        return target;
    }

    /** The chip name a user file holds, or null when it cannot be read. */
    private static String savedName(Path file) {
        try {
            return parseChip(readFile(file), file.toString()).name();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The file of a user preset: its {@link Catalog#key} with ASCII letters, digits, '.' and '-' kept and every other
     * UTF-8 byte written as {@code _XX} (hex), so distinct keys give distinct names ("my chip" {@code my_20chip.json},
     * "my_chip" {@code my_5fchip.json}, "my/chip" {@code my_2fchip.json}). A name whose encoding would pass 120
     * characters keeps its first 100 and a SHA-256 digest of the whole key.
     */
    static String fileName(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : Catalog.key(name).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (c == '.' && out.length() > 0)) {
                out.append(c);
            } else {
                out.append('_').append(String.format(java.util.Locale.ROOT, "%02x", b & 0xff));
            }
        }
        if (out.length() > 120) {
            String cut = out.substring(0, 100).replaceFirst("_[0-9a-f]?$", "");
            return cut + "-" + digest(Catalog.key(name)) + ".json";
        }
        return out + ".json";
    }

    private static String digest(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Names of the built-in scenario files, e.g. {@code default}. */
    public static List<String> builtInScenarioNames() {
        return index().scenarios().stream().map(f -> f.replaceFirst("\\.json$", "")).toList();
    }

    /**
     * Built-in scenarios, each read once per process (a scenario is an immutable record): the first caller of a name
     * reads it, a caller meanwhile (the launcher's presets thread and the command both ask for {@code default}) waits
     * for that reading instead of making its own. A file that failed fails every caller alike.
     */
    private static final Map<String, java.util.concurrent.FutureTask<Scenario>> SCENARIOS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A built-in scenario by name, resolved against the built-in catalog. */
    public static Scenario builtInScenario(String name) {
        String file = ROOT + "scenarios/" + name + ".json";
        return once(SCENARIOS, name, () -> parseScenario(resource(file), file, builtIn()));
    }

    /**
     * The value {@code read} gives for {@code key}, read by the first caller of the key on its own thread (outside the
     * map's lock: a reading may wait for another thread, as the scenario's waits for {@link #builtIn()}) while later
     * callers wait for it; an exception of the reading is every caller's.
     */
    static <T> T once(Map<String, java.util.concurrent.FutureTask<T>> readings, String key,
                      java.util.concurrent.Callable<T> read) {
        var task = new java.util.concurrent.FutureTask<>(read);
        var first = readings.putIfAbsent(key, task);
        if (first == null) {
            first = task;
            task.run();
        }
        try {
            return first.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + key, e);
        }
    }

    public static Chip parseChip(String json, String file) {
        JsonNode tree = Migrations.chip(Json.tree(json, file));
        ChipFile f = Json.read(tree, ChipFile.class, file);
        checkVersion(f.schemaVersion(), PresetFiles.CHIP_SCHEMA_VERSION, file);
        return build(f::toChip, file, FileKeys.CHIP, tree);
    }

    public static Nic parseNic(String json, String file) {
        JsonNode tree = Json.tree(json, file);
        NicFile f = Json.read(tree, NicFile.class, file);
        checkVersion(f.schemaVersion(), PresetFiles.SCHEMA_VERSION, file);
        return build(f::toNic, file, FileKeys.NIC, tree);
    }

    public static ModelConfig parseModel(String json, String file) {
        JsonNode tree = Migrations.model(Json.tree(json, file));
        ModelFile f = Json.read(tree, ModelFile.class, file);
        checkVersion(f.schemaVersion(), PresetFiles.MODEL_SCHEMA_VERSION, file);
        return build(f::toModel, file, Map.of(), tree);
    }

    public static Scenario parseScenario(String json, String file, Catalog catalog) {
        JsonNode tree = Migrations.scenario(Json.tree(json, file));
        ScenarioFile f = Json.read(tree, ScenarioFile.class, file);
        checkVersion(f.schemaVersion(), PresetFiles.SCENARIO_SCHEMA_VERSION, file);
        return build(() -> f.toScenario(catalog, file), file, Map.of(), tree);
    }

    /** Reads a scenario file from disk. */
    public static Scenario readScenario(Path path, Catalog catalog) {
        return parseScenario(readFile(path), path.toString(), catalog);
    }

    /** The chip as a versioned preset document (what "save as preset" writes). */
    public static String chipJson(Chip chip) {
        try {
            return Json.mapper().writeValueAsString(ChipFile.of(chip)) + "\n";
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
            return Json.mapper().writeValueAsString(ScenarioFile.of(name, s, catalog)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the scenario atomically: the old file stays whole if anything fails. */
    public static void writeScenario(Path path, Scenario s) throws IOException {
        String name = path.getFileName().toString().replaceFirst("\\.json$", "");
        AtomicFiles.write(path, scenarioJson(name, s));
    }

    /** Largest preset, scenario or config.json read: 4 MiB (they are a few kB; /dev/zero never ends). */
    static final int MAX_FILE_BYTES = 4 << 20;

    /** The text of a preset, scenario or config.json: at most {@link #MAX_FILE_BYTES}, UTF-8, without a byte-order mark. */
    static String readFile(Path path) {
        if (path.toString().isEmpty()) {
            throw new PresetException("'': empty file name");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new PresetException(path + ": no such file");
        } catch (IOException e) {
            throw new PresetException(path + ": cannot be read (" + AtomicFiles.reason(e) + ")", e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new PresetException(path + ": larger than " + (MAX_FILE_BYTES >> 20) + " MiB; a preset, scenario or "
                    + "config.json is a few kB");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            // a byte-order mark (Windows editors write one) is not part of the document
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new PresetException(path + ": is not UTF-8 text");
        }
    }

    private static void checkVersion(int version, int current, String file) {
        if (version != current) {
            throw new PresetException(file + ": key 'schemaVersion' must be " + current + ", was " + version);
        }
    }

    /**
     * Builds the record; a refusal names the file and, for a {@link FieldException}, the file's key and unit
     * ({@code keys}, see {@link FileKeys}). A message that already names the file (an inline preset) is kept.
     */
    private static <T> T build(java.util.function.Supplier<T> factory, String file, Map<String, FileKeys.Key> keys,
                               JsonNode tree) {
        try {
            return factory.get();
        } catch (PresetException e) {
            throw e.getMessage().startsWith(file) ? e : new PresetException(file + ": " + e.getMessage(), e);
        } catch (FieldException e) {
            throw new PresetException(file + ": " + FileKeys.restate(e, keys, tree), e);
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
