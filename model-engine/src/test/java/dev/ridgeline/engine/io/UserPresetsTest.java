package dev.ridgeline.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ChipField;
import dev.ridgeline.engine.model.Fa3Mode;
import dev.ridgeline.engine.model.FieldId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPresetsTest {
    @Test
    void savedChipAppearsInTheNextCatalogUnchanged(@TempDir Path dir) throws IOException {
        Chip edited = ChipField.of(FieldId.HBM_BANDWIDTH).with(Presets.builtIn().chip("H800 SXM5"), 4800.0).withName("H800 HBM3e");
        Path file = Presets.saveUserChip(dir, edited);
        // lower case, the space as its UTF-8 byte _20 (Presets.fileName)
        assertEquals(dir.resolve("chips/h800_20hbm3e.json"), file);
        Presets.Loaded loaded = Presets.withUserPresets(dir);
        assertEquals(java.util.List.of(), loaded.problems());
        Chip back = loaded.catalog().chip("H800 HBM3e");
        assertEquals(4.8e12, back.hbmBandwidthBytesPerSec(), 1e-3);
        assertEquals(edited.fp8FlopsPerSec(), back.fp8FlopsPerSec(), 1e-3);
        assertEquals(edited.scaleUpDomain(), back.scaleUpDomain());
    }

    @Test
    void aBrokenUserFileIsReportedAndSkipped(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("chips"));
        Files.writeString(dir.resolve("chips/bad.json"), "{\"schemaVersion\": 1}");
        Presets.Loaded loaded = Presets.withUserPresets(dir);
        assertEquals(Presets.builtIn().chips().size(), loaded.catalog().chips().size());
        assertEquals(1, loaded.problems().size());
        assertTrue(loaded.problems().get(0).startsWith(dir.resolve("chips/bad.json") + ": missing key"), loaded.problems().get(0));
    }

    @Test
    void builtInNamesCannotBeOverwritten(@TempDir Path dir) {
        PresetException e = assertThrows(PresetException.class, () -> Presets.saveUserChip(dir, Presets.builtIn().chip("H800")));
        assertEquals("chip name 'H800' is a built-in preset; choose another name", e.getMessage());
    }

    @Test
    void chipFieldsRefuseBadValuesNamingTheField() {
        Chip h800 = Presets.builtIn().chip("H800");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChipField.of(FieldId.FP8_RATE).with(h800, -5.0));
        // -5 TFLOPS in FLOP/s, against the plausible range of a compute rate (Checks: 1 G/s to 1 E/s)
        assertEquals("fp8FlopsPerSec must be in [1e9, 1e18], was -5e12 (chip 'H800')", e.getMessage());
        Chip three = ChipField.of(FieldId.FA3_MODE)
                .with(h800, Fa3Mode.THREE_STAGE);
        assertEquals(Fa3Mode.THREE_STAGE, three.fa3Mode());
        assertEquals(1979.0, ChipField.of(FieldId.FP8_RATE).shown(h800));
    }

    @Test
    void aScenarioWithAnEditedChipAndAnImportedModelReloadsWhole(@TempDir Path dir) throws IOException {
        var base = Presets.builtInScenario("default");
        Chip edited = ChipField.of(FieldId.HBM_CAPACITY).with(base.chip(), 141.0); // HBM capacity 141 GB
        var model = base.model().withIdentity("My-V3", "imported from config.json");
        var s = base.withChip(edited).withModel(model);
        Path file = dir.resolve("edited.json");
        Presets.writeScenario(file, s);
        assertEquals(s, Presets.readScenario(file, Presets.builtIn()));
        String text = Files.readString(file);
        assertTrue(text.contains("\"memoryGB\" : 141.0"), text);
        assertTrue(text.contains("\"nic\" : \"CX7\""), "unchanged presets stay by name");
    }
}
