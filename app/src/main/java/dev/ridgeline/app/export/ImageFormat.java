package dev.ridgeline.app.export;

import dev.ridgeline.engine.model.Checks;
import java.nio.file.Path;
import java.util.Locale;

/** Output formats, chosen by the file's extension. */
public enum ImageFormat {
    PNG, SVG, PDF;

    /** The format the extension of {@code path} names; throws naming {@code flag} and the value otherwise. */
    public static ImageFormat of(Path path, String flag) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            if (name.endsWith("." + f.name().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException(flag + ": bad value '" + Checks.shorten(path.toString(), 2 * Checks.ECHO_LIMIT) + "' (the extension must be .png, .svg or .pdf)");
    }
}
