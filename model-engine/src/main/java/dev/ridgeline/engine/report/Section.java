package dev.ridgeline.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A numbered section of a report (level 1) or a subsection (level 2), with its blocks.
 *
 * @param number "3" or "3.2", as the table of contents shows it
 */
public record Section(int level, String number, String title, List<Block> blocks) {
    public Section {
        if (level < 1 || level > 2) {
            throw new IllegalArgumentException("section level must be 1 or 2, was " + level);
        }
        blocks = List.copyOf(blocks);
    }

    /** The blocks of the given type, in order. */
    public <T extends Block> List<T> blocks(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Block b : blocks) {
            if (type.isInstance(b)) {
                out.add(type.cast(b));
            }
        }
        return out;
    }
}
