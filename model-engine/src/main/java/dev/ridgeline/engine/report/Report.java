package dev.ridgeline.engine.report;

import java.util.List;

/**
 * A design-review report (seed 003): a title, the one-line scenario it is about, and its sections in reading order.
 * Pure data: every number in it is a figure the engine computed, kept in SI units; the app renders it to Markdown,
 * HTML and PDF.
 */
public record Report(String title, String subtitle, List<Section> sections) {
    public Report {
        sections = List.copyOf(sections);
    }

    /** The section of that title; throws when the report has none. */
    public Section section(String title) {
        for (Section s : sections) {
            if (s.title().equals(title)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no section '" + title + "'");
    }

    /** Every figure of the report, in order. */
    public List<Block.Figure> figures() {
        return sections.stream().flatMap(s -> s.blocks(Block.Figure.class).stream()).toList();
    }
}
