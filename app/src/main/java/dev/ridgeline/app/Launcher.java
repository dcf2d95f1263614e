package dev.ridgeline.app;

import dev.ridgeline.app.cli.RidgelineCommand;
import dev.ridgeline.app.explorer.ExplorerApp;
import java.util.Locale;
import javafx.application.Application;

/**
 * Entry point on a plain classpath (it must not extend {@code Application}). With no arguments it opens the explorer
 * window; with a subcommand it runs headless.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        RidgelineCommand.setExplorerOpener(Launcher::openExplorer);
        System.exit(RidgelineCommand.run(args));
    }

    /** Opens the window and returns when it closes; without a display, refuses (exit 2) and points to export. */
    static void openExplorer() {
        if (!hasDisplay(System.getProperty("os.name", ""), System.getenv("DISPLAY"), System.getenv("WAYLAND_DISPLAY"))) {
            throw new IllegalArgumentException("no display (DISPLAY and WAYLAND_DISPLAY are unset): the window needs one;"
                    + " render headless with `ridgeline export --out view.png`");
        }
        FxLogging.quietClasspathWarning(); // the toolkit's own logging (java.util.logging) starts only with it
        Application.launch(ExplorerApp.class);
    }

    /** Linux and other X11/Wayland systems need DISPLAY or WAYLAND_DISPLAY; Windows and macOS always have a screen. */
    static boolean hasDisplay(String osName, String display, String waylandDisplay) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return (display != null && !display.isBlank()) || (waylandDisplay != null && !waylandDisplay.isBlank());
    }
}
