package dev.ridgeline.app.explorer;

import dev.ridgeline.engine.model.Scenario;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Undo and redo of scenario edits. Edits that follow each other within {@code mergeNanos} (a slider being dragged,
 * a field typed into repeatedly) make one step, so one undo returns to where the gesture began.
 */
final class EditHistory {
    static final int LIMIT = 200;

    private final Deque<Scenario> undo = new ArrayDeque<>();
    private final Deque<Scenario> redo = new ArrayDeque<>();
    private final LongSupplier clock;
    private final long mergeNanos;
    private long lastEdit;
    private boolean merging;

    EditHistory(LongSupplier clock, long mergeNanos) {
        this.clock = clock;
        this.mergeNanos = mergeNanos;
    }

    /** Records an edit away from {@code before}. */
    void edited(Scenario before) {
        long now = clock.getAsLong();
        if (!merging || now - lastEdit > mergeNanos) {
            undo.push(before);
            if (undo.size() > LIMIT) {
                undo.removeLast();
            }
        }
        merging = true;
        lastEdit = now;
        redo.clear();
    }

    /** The scenario before the last step, remembering {@code current} for redo; empty when there is none. */
    Optional<Scenario> undo(Scenario current) {
        return step(undo, redo, current);
    }

    /** The scenario the last undo left, remembering {@code current} for undo; empty when there is none. */
    Optional<Scenario> redo(Scenario current) {
        return step(redo, undo, current);
    }

    private Optional<Scenario> step(Deque<Scenario> from, Deque<Scenario> to, Scenario current) {
        merging = false;
        if (from.isEmpty()) {
            return Optional.empty();
        }
        to.push(current);
        return Optional.of(from.pop());
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }
}
