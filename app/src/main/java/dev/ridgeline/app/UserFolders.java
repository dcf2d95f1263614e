package dev.ridgeline.app;

import java.nio.file.Path;

/** Where the user's own presets live: {@code $RIDGELINE_HOME}, else {@code ~/.ridgeline}; presets under {@code presets/}. */
public final class UserFolders {
    private UserFolders() {
    }

    public static Path home() {
        String env = System.getenv("RIDGELINE_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".ridgeline");
    }

    public static Path presets() {
        return home().resolve("presets");
    }
}
