package dev.ridgeline.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Scenario;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EditHistoryTest {
    private static final Scenario B128 = Presets.builtInScenario("default");
    private long now;
    private final EditHistory history = new EditHistory(() -> now, 100);

    @Test
    void undoAndRedoWalkTheEditsBackAndForth() {
        history.edited(B128);                 // 128 -> 64
        now += 1000;
        history.edited(B128.withBatch(64));   // 64 -> 32
        Scenario current = B128.withBatch(32);
        assertEquals(Optional.of(B128.withBatch(64)), history.undo(current));
        assertEquals(Optional.of(B128), history.undo(B128.withBatch(64)));
        assertFalse(history.canUndo());
        assertEquals(Optional.empty(), history.undo(B128));
        assertEquals(Optional.of(B128.withBatch(64)), history.redo(B128));
        assertEquals(Optional.of(B128.withBatch(32)), history.redo(B128.withBatch(64)));
        assertFalse(history.canRedo());
    }

    @Test
    void editsInQuickSuccessionAreOneStep() {
        history.edited(B128);                 // a slider drag: 128 -> 120 -> 112 -> 104, 40 ns apart
        now += 40;
        history.edited(B128.withBatch(120));
        now += 40;
        history.edited(B128.withBatch(112));
        assertEquals(Optional.of(B128), history.undo(B128.withBatch(104)));
        assertFalse(history.canUndo());
    }

    @Test
    void aNewEditClearsRedoAndAnUndoEndsTheGesture() {
        history.edited(B128);
        assertEquals(Optional.of(B128), history.undo(B128.withBatch(64)));
        assertTrue(history.canRedo());
        history.edited(B128);                 // within the merge window, but after an undo: a step of its own
        assertFalse(history.canRedo());
        assertTrue(history.canUndo());
    }

    @Test
    void historyKeepsTheLastEditsOnly() {
        for (int i = 0; i < EditHistory.LIMIT + 50; i++) {
            now += 1000;
            history.edited(B128.withBatch(1 + i));
        }
        int steps = 0;
        Scenario s = B128;
        while (history.canUndo()) {
            s = history.undo(s).orElseThrow();
            steps++;
        }
        assertEquals(EditHistory.LIMIT, steps);
        assertEquals(51, s.batchPerCard(), "the oldest edits are the ones dropped");
    }
}
