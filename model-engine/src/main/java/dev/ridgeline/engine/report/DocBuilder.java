package dev.ridgeline.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a report's sections in reading order and numbers them ("3", "3.2"). Section writers append blocks to the
 * section opened last.
 */
final class DocBuilder {
    private final List<Section> done = new ArrayList<>();
    private int level;
    private String number;
    private String title;
    private List<Block> blocks;
    private int major;
    private int minor;

    /** Opens a numbered top-level section. */
    DocBuilder section(String sectionTitle) {
        close();
        major++;
        minor = 0;
        open(1, String.valueOf(major), sectionTitle);
        return this;
    }

    /** Opens a subsection of the current section. */
    DocBuilder sub(String sectionTitle) {
        close();
        minor++;
        open(2, major + "." + minor, sectionTitle);
        return this;
    }

    private void open(int lvl, String num, String t) {
        level = lvl;
        number = num;
        title = t;
        blocks = new ArrayList<>();
    }

    DocBuilder p(Object... parts) {
        return add(Block.Paragraph.of(parts));
    }

    DocBuilder add(Block b) {
        if (blocks == null) {
            throw new IllegalStateException("no section is open");
        }
        blocks.add(b);
        return this;
    }

    DocBuilder items(boolean numbered, List<Block.Paragraph> items) {
        return add(new Block.Items(numbered, items));
    }

    DocBuilder formulas(String... lines) {
        return add(new Block.Formulas(List.of(lines)));
    }

    DocBuilder figure(String id, String caption, FigureData data) {
        return add(new Block.Figure(id, caption, data));
    }

    private void close() {
        if (blocks != null) {
            done.add(new Section(level, number, title, blocks));
            blocks = null;
        }
    }

    Report build(String reportTitle, String subtitle) {
        close();
        return new Report(reportTitle, subtitle, done);
    }

    // ---- inline helpers for section writers ----

    static Inline.Num num(double value, Unit unit) {
        return new Inline.Num(value, unit);
    }

    static Inline.Code code(String text) {
        return new Inline.Code(text);
    }

    static Inline.Strong strong(String text) {
        return new Inline.Strong(text);
    }

    /** A table built row by row; a header ending in ")" or naming a unit is a numeric column when marked so. */
    static final class TableBuilder {
        private final List<Block.Column> columns = new ArrayList<>();
        private final List<List<Inline>> rows = new ArrayList<>();

        TableBuilder text(String header) {
            columns.add(new Block.Column(header, false));
            return this;
        }

        TableBuilder number(String header) {
            columns.add(new Block.Column(header, true));
            return this;
        }

        TableBuilder row(Object... cells) {
            List<Inline> r = new ArrayList<>();
            for (Object c : cells) {
                r.add(Inline.of(c));
            }
            rows.add(r);
            return this;
        }

        Block.Table build() {
            return new Block.Table(columns, rows);
        }
    }

    static TableBuilder table() {
        return new TableBuilder();
    }
}
