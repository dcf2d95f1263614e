package dev.ridgeline.app.report;

/** The report's style sheets: one for any reader (screen and print), one with openhtmltopdf's page rules. */
final class Styles {
    private Styles() {
    }

    static final String SCREEN = String.join("\n",
            "body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 10pt; color: #24292f;",
            "  line-height: 1.45; max-width: 62em; margin: 2em auto; padding: 0 1em; }",
            "h1 { font-size: 20pt; margin: 0 0 0.3em 0; }",
            "h2 { font-size: 14pt; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; margin-top: 1.6em; }",
            "h3 { font-size: 11.5pt; margin-top: 1.3em; }",
            "p.date { color: #57606a; margin-top: 0; }",
            "code, pre { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 8.6pt; }",
            "code { background: #f3f5f7; padding: 0 0.2em; }",
            "pre { background: #f6f8fa; border: 1px solid #e1e4e8; padding: 0.5em 0.7em; white-space: pre-wrap; }",
            // a cell breaks between words only: a word split over two lines ("efficien|t") reads as two words
            "table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em 0; font-size: 7.8pt; }",
            "th, td { border: 1px solid #d0d7de; padding: 2px 4px; vertical-align: top; }",
            "th { background: #f3f5f7; text-align: left; }",
            "td:first-child { white-space: nowrap; }",
            "tr:nth-child(even) td { background: #fafbfc; }",
            "span.figure { display: block; text-align: center; margin: 0.8em 0 0.2em 0; }",
            "span.figure svg { max-width: 100%; height: auto; }",
            "span.caption { display: block; color: #57606a; font-style: italic; font-size: 9pt; margin-top: 0.2em; }",
            "td[align=\"right\"], th[align=\"right\"] { white-space: nowrap; }",
            "em { color: #57606a; }",
            "span.alert, span.alert strong { color: #cf222e; }",
            "ul li a.toc { text-decoration: none; color: #1f6fd1; }",
            "p.footer { color: #57606a; font-size: 8pt; margin-top: 2em; }",
            "@media print { body { max-width: none; margin: 0; } h2, h3 { page-break-after: avoid; }",
            "  span.figure, pre, tr { page-break-inside: avoid; } }",
            "");

    /**
     * Sections flow one after another (a page per section left half-empty pages); a heading stays with what follows
     * it, a figure with its caption, a table row whole, and a table broken over pages repeats its header row. A table
     * starts on the next page unless 8em are left (its header and a row of three lines, with room to spare): 3em,
     * and on one page of the DeepSeek-V3 report 6em, left a header alone at the foot of a page, its rows overleaf. A short table is not broken at all, and the paragraph that
     * introduces a table or a figure ("The compute windows that hide them ...:") stays on the page it introduces.
     */
    static final String PRINT = String.join("\n",
            "@page { size: A4; margin: 16mm 13mm 16mm 13mm;",
            "  @bottom-left { content: 'Ridgeline design review'; font-family: 'DejaVu Sans'; font-size: 7pt; color: #57606a; }",
            "  @bottom-right { content: 'page ' counter(page) ' of ' counter(pages); font-family: 'DejaVu Sans';",
            "    font-size: 7pt; color: #57606a; } }",
            "body { max-width: none; margin: 0; padding: 0; }",
            "h2, h3 { page-break-after: avoid; }",
            "ul.contents { page-break-after: always; }",
            "span.figure, span.caption, pre { page-break-inside: avoid; }",
            "table { -fs-table-paginate: paginate; -fs-page-break-min-height: 8em; }",
            "table.short { page-break-inside: avoid; }",
            "p.lead { page-break-after: avoid; -fs-page-break-min-height: 12em; }",
            "tr { page-break-inside: avoid; }",
            "span.figure svg { width: 100%; height: auto; }",
            "a.toc::after { content: leader('.') target-counter(attr(href), page); }",
            "a.toc { color: #24292f; }",
            "");
}
