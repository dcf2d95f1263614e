package dev.ridgeline.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in presets are listed by name in {@code presets/index.json} and each is read from its file only when first
 * asked for: a command that names three presets reads three, not all 34.
 */
class BuiltInIndexTest {
    private static final String INDEX = Presets.ROOT + "index.json";

    @Test
    void theIndexNamesEveryPresetAsItsFileDoesInTheIndexOrder() {
        Presets.Index index = MapperReading.read(Presets.resource(INDEX), Presets.Index.class, INDEX);
        Catalog all = Presets.builtIn();
        // chips() reads every file; each is refused unless its 'name' is the name the index gives it
        assertEquals(List.copyOf(index.chips().keySet()), all.chips().stream().map(Chip::name).toList());
        assertEquals(List.copyOf(index.nics().keySet()), all.nics().stream().map(Nic::name).toList());
        assertEquals(List.copyOf(index.models().keySet()), all.models().stream().map(ModelConfig::name).toList());
    }

    @Test
    void aPresetIsReadWhenFirstAskedForAndOnce() {
        List<String> read = new ArrayList<>();
        Catalog c = Catalog.of(List.of(chip("H800", read), chip("H20", read), chip("B200", read)), List.of(), List.of());
        assertTrue(c.hasChip("h20"));
        assertFalse(c.hasChip("H30"));
        // a mistyped name is answered from the names alone
        PresetException unknown = assertThrows(PresetException.class, () -> c.chip("H30"));
        assertEquals("unknown chip 'H30' (did you mean H20?)", unknown.getMessage());
        assertEquals(List.of(), read);
        assertEquals("H20", c.chip("h20").name());
        assertEquals("H20", c.chip("H20").name());
        assertEquals(List.of("H20"), read);
        assertEquals(3, c.chips().size());
        assertEquals(List.of("H20", "H800", "B200"), read);
    }

    @Test
    void aBrokenPresetFailsWhenAskedForInTheSameWordsEachTimeAndLeavesTheOthers() {
        Catalog c = Catalog.of(List.of(new Catalog.Entry<Chip>("Broken", () -> {
            throw new PresetException("presets/chips/Broken.json: key 'hbmBytes' must be > 0, was -1");
        }), chip("H800", new ArrayList<>())), List.of(), List.of());
        assertEquals("H800", c.chip("H800").name());
        for (int i = 0; i < 2; i++) {
            PresetException e = assertThrows(PresetException.class, () -> c.chip("broken"));
            assertEquals("presets/chips/Broken.json: key 'hbmBytes' must be > 0, was -1", e.getMessage());
        }
        assertThrows(PresetException.class, c::chips);
    }

    @Test
    void aFileWhoseNameIsNotTheIndexsIsRefusedNamingTheFileAndTheKey() {
        Catalog c = Catalog.of(Presets.entries(Map.of("H801", "H800.json"), "chips/", Presets::parseChip, Chip::name),
                List.of(), List.of());
        PresetException e = assertThrows(PresetException.class, () -> c.chip("H801"));
        assertEquals("presets/chips/H800.json: key 'name' is 'H800' but presets/index.json lists the file as 'H801'",
                e.getMessage());
    }

    @Test
    void twoPresetsOfOneNameAreRefusedBeforeEitherIsRead() {
        List<String> read = new ArrayList<>();
        PresetException e = assertThrows(PresetException.class,
                () -> Catalog.of(List.of(chip("H800", read), chip("h800", read)), List.of(), List.of()));
        assertEquals("two chip presets are named 'h800'", e.getMessage());
        assertEquals(List.of(), read);
    }

    /** An entry reading the built-in chip H800 renamed, noting its name in {@code read} when it is read. */
    private static Catalog.Entry<Chip> chip(String name, List<String> read) {
        return new Catalog.Entry<>(name, () -> {
            read.add(name);
            return Presets.builtIn().chip("H800").withName(name);
        });
    }
}
