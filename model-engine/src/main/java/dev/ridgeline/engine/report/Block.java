package dev.ridgeline.engine.report;

import java.util.ArrayList;
import java.util.List;

/** One block of a report section: a paragraph, a list, a table, a figure or a preformatted formula block. */
public sealed interface Block permits Block.Paragraph, Block.Items, Block.Table, Block.Figure, Block.Formulas {

    /** Runs of text forming one paragraph. */
    record Paragraph(List<Inline> parts) implements Block {
        public Paragraph {
            parts = List.copyOf(parts);
        }

        /** A paragraph from strings (plain text), integers (counts) and {@link Inline}s. */
        public static Paragraph of(Object... parts) {
            List<Inline> out = new ArrayList<>();
            for (Object p : parts) {
                out.add(Inline.of(p));
            }
            return new Paragraph(out);
        }

        /** The paragraph's text with numbers shown as their raw values (for logs and tests). */
        public String plain() {
            StringBuilder sb = new StringBuilder();
            for (Inline i : parts) {
                if (i instanceof Inline.Num) {
                    sb.append(((Inline.Num) i).value());
                } else if (i instanceof Inline.Text) {
                    sb.append(((Inline.Text) i).text());
                } else if (i instanceof Inline.Code) {
                    sb.append(((Inline.Code) i).text());
                } else if (i instanceof Inline.Alert) {
                    sb.append(((Inline.Alert) i).text());
                } else {
                    sb.append(((Inline.Strong) i).text());
                }
            }
            return sb.toString();
        }
    }

    /** A bulleted or numbered list. */
    record Items(boolean numbered, List<Paragraph> items) implements Block {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** A column of a table: its header (with the unit when the cells are numbers) and whether it is numeric. */
    record Column(String header, boolean numeric) {
    }

    /** A table; every row has one cell per column. */
    record Table(List<Column> columns, List<List<Inline>> rows) implements Block {
        public Table {
            columns = List.copyOf(columns);
            List<List<Inline>> copy = new ArrayList<>();
            for (List<Inline> r : rows) {
                if (r.size() != columns.size()) {
                    throw new IllegalArgumentException("a row has " + r.size() + " cells for " + columns.size() + " columns");
                }
                copy.add(List.copyOf(r));
            }
            rows = List.copyOf(copy);
        }

        /** The cell in row {@code row} under the header {@code header}. */
        public Inline cell(int row, String header) {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).header().equals(header)) {
                    return rows.get(row).get(c);
                }
            }
            throw new IllegalArgumentException("no column '" + header + "'");
        }
    }

    /**
     * A figure the renderer draws from the engine's data with the charts the window uses.
     *
     * @param id a file-name-safe identifier, unique in the report ("roofline", "gantt")
     */
    record Figure(String id, String caption, FigureData data) implements Block {
    }

    /** Lines of formulas, set as preformatted text. */
    record Formulas(List<String> lines) implements Block {
        public Formulas {
            lines = List.copyOf(lines);
        }
    }
}
