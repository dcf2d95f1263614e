package dev.ridgeline.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.model.Chip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user folder: names compared one way everywhere (İ and i̇ are one name), distinct names saved to distinct files,
 * and a load that never throws, whatever the folder holds.
 */
class UserFolderFuzzTest {
    /** Pieces of names that fold, normalise or escape differently: dotted I, final sigma, sharp s, composed é, '/'. */
    static final String[] PIECES = {"a", "A", "İ", "i̇", "ı", "I", "i", "ß", "SS", "ss", "é", "e\u0301", "Σ", "σ", "ς",
        " ", "_", "/", "\\", ".", "-", "0", "中", "😀", ":", "*", "?", "%", "_20", "My", "Chip"};

    static String randomName(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 40 : 6);
        while (b.length() == 0 || b.toString().isBlank()) {
            for (int i = 0; i < n; i++) {
                b.append(PIECES[r.nextInt(PIECES.length)]);
            }
        }
        String name = b.toString().strip();
        return name.codePointCount(0, name.length()) > 100 ? name.substring(0, name.offsetByCodePoints(0, 100)) : name;
    }

    static Chip chip(String name, double hbmBytesPerSec) {
        return Presets.builtIn().chip("H800 SXM5").withName(name).withHbmBandwidth(hbmBytesPerSec);
    }

    @Test
    void seed71DistinctNamesSaveToDistinctFilesAndEqualNamesReplaceEachOther(@TempDir Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(71);
        Map<String, Chip> expected = new HashMap<>(); // by Catalog.key: the last chip saved under that name
        for (int i = 0; i < 400; i++) {
            Chip c = chip(randomName(r), 1e9 * (1 + r.nextInt(8000)));
            boolean builtIn = Presets.builtIn().chips().stream().anyMatch(b -> Catalog.key(b.name()).equals(Catalog.key(c.name())));
            if (builtIn) {
                assertThrows(PresetException.class, () -> Presets.saveUserChip(dir, c));
                continue;
            }
            Path file = Presets.saveUserChip(dir, c);
            assertTrue(file.getFileName().toString().getBytes(StandardCharsets.UTF_8).length <= 255, file.toString());
            expected.put(Catalog.key(c.name()), c);
        }
        try (Stream<Path> files = Files.list(dir.resolve("chips"))) {
            assertEquals(expected.size(), files.count(), "one file per distinct name, no temporary left");
        }
        Presets.Loaded loaded = Presets.withUserPresets(dir);
        assertEquals(List.of(), loaded.problems());
        assertEquals(Presets.builtIn().chips().size() + expected.size(), loaded.catalog().chips().size());
        for (Chip c : expected.values()) {
            assertEquals(c, loaded.catalog().chip(c.name()), c.name());
        }
    }

    /** The names: "My Chip", "My_Chip" and "My/Chip" each overwrote the last. */
    @Test
    void myChipMyUnderscoreChipAndMySlashChipAreThreePresets(@TempDir Path dir) throws IOException {
        Path space = Presets.saveUserChip(dir, chip("My Chip", 1e12));
        Path underscore = Presets.saveUserChip(dir, chip("My_Chip", 2e12));
        Path slash = Presets.saveUserChip(dir, chip("My/Chip", 3e12));
        assertEquals(3, java.util.Set.of(space, underscore, slash).size());
        Catalog c = Presets.withUserPresets(dir).catalog();
        assertEquals(1e12, c.chip("My Chip").hbmBandwidthBytesPerSec());
        assertEquals(2e12, c.chip("My_Chip").hbmBandwidthBytesPerSec());
        assertEquals(3e12, c.chip("My/Chip").hbmBandwidthBytesPerSec());
        // the same name in another case is the same preset: saving it replaces it in its file
        assertEquals(space, Presets.saveUserChip(dir, chip("MY CHIP", 4e12)));
        assertEquals(4e12, Presets.withUserPresets(dir).catalog().chip("my chip").hbmBandwidthBytesPerSec());
    }

    /** A file of the new name holding another chip (written by hand) is not overwritten: the save is refused. */
    @Test
    void aSaveThatWouldOverwriteAnotherChipsFileIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("chips").resolve(Presets.fileName("Target"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"broken\": true}");
        PresetException e = assertThrows(PresetException.class, () -> Presets.saveUserChip(dir, chip("Target", 1e12)));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals("{\"broken\": true}", Files.readString(file));
    }

    /** "İ" lower-cases to "i̇" in Locale.ROOT; comparing one way for the catalog and another for the folder threw. */
    @Test
    void dottedCapitalIAndIWithCombiningDotAreOneNameAndTheLoadDoesNotThrow(@TempDir Path dir) throws IOException {
        Path chips = Files.createDirectories(dir.resolve("chips"));
        Files.writeString(chips.resolve("a.json"), Presets.chipJson(chip("İ", 1e12)));
        Files.writeString(chips.resolve("b.json"), Presets.chipJson(chip("i̇", 2e12)));
        Presets.Loaded loaded = Presets.withUserPresets(dir);
        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
        assertTrue(loaded.problems().get(0).endsWith("is already taken; skipped"), loaded.problems().get(0));
        assertEquals(1e12, loaded.catalog().chip("i̇").hbmBandwidthBytesPerSec());
        assertNotEquals(Catalog.key("ı"), Catalog.key("i"), "dotless i is another letter");
    }

    /** Whatever the folder holds, the load returns the built-ins plus what it can read, one problem line per file. */
    @Test
    void seed73ABrokenUserFolderNeverStopsTheLoad(@TempDir Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(73);
        for (int round = 0; round < 30; round++) {
            Path home = Files.createDirectories(dir.resolve("home" + round));
            int broken = 0;
            for (String kind : new String[] {"chips", "nics", "models"}) {
                Path folder = Files.createDirectories(home.resolve(kind));
                for (int i = r.nextInt(6); i > 0; i--) {
                    Path f = folder.resolve("f" + i + ".json");
                    switch (r.nextInt(7)) {
                        case 0: Files.write(f, randomBytes(r, r.nextInt(200))); break;
                        case 1: Files.writeString(f, "{\"schemaVersion\": " + r.nextInt(3) + "}"); break;
                        case 2: Files.writeString(f, "null"); break;
                        case 3: Files.createDirectories(f); break;
                        case 4: Files.write(f, new byte[Presets.MAX_FILE_BYTES + 1]); break;
                        case 5: Files.writeString(f, Presets.chipJson(chip("İ", 1e12)).replace("\"İ\"", "\"\\u0130\\n\"")); break;
                        default: Files.writeString(f, "{\"name\": \"" + "x".repeat(r.nextInt(5000)) + "\"}");
                    }
                    broken++;
                }
            }
            Presets.Loaded loaded = Presets.withUserPresets(home);
            assertEquals(Presets.builtIn().chips().size(), loaded.catalog().chips().size());
            assertEquals(broken, loaded.problems().size(), loaded.problems().toString());
            for (String p : loaded.problems()) {
                assertEquals(1, p.lines().count(), p);
                assertTrue(p.length() < 600, p);
            }
        }
    }

    static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }
}
