package dev.ridgeline.app.report;

import dev.ridgeline.engine.model.Checks;
import java.nio.file.Path;
import java.util.Locale;

/** The formats a review report is written in, chosen by the file's extension. */
public enum ReportFormat {
    HTML(".html"), PDF(".pdf"), MARKDOWN(".md");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format {@code path}'s extension names; throws naming {@code flag} and the value otherwise. */
    public static ReportFormat of(Path path, String flag) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (name.endsWith(f.extension) || (f == HTML && name.endsWith(".htm"))) {
                return f;
            }
        }
        throw new IllegalArgumentException(flag + ": bad value '" + Checks.shorten(path.toString(), 2 * Checks.ECHO_LIMIT)
                + "' (the extension must be .html, .pdf or .md)");
    }
}
