package dev.ridgeline.app.cli;

import dev.ridgeline.app.FxLogging;
import dev.ridgeline.app.explorer.ExplorerApp;
import dev.ridgeline.engine.Engine;
import dev.ridgeline.engine.evidence.Bands;
import dev.ridgeline.engine.evidence.Uncertainty;
import dev.ridgeline.engine.io.CalibrationTables;
import dev.ridgeline.engine.io.Presets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import javafx.application.Application;

/**
 * Entry point on a plain classpath (it must not extend {@code Application}). With no arguments it opens the explorer
 * window; with a subcommand it runs headless.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // the window: straight to it, without picocli's model of every subcommand (built by reflection for the
            // usage, about a fifth of a second of this thread before the toolkit could start)
            System.exit(window(new PrintWriter(System.err, true)));
        }
        if (args.length > 0 && !args[0].startsWith("-") && !NO_PRESETS.contains(args[0])) {
            readPresetsMeanwhile(!EVALUATES_AT_ONCE.contains(args[0]));
        }
        RidgelineCommand.setExplorerOpener(explorerOpener());
        System.exit(RidgelineCommand.run(args));
    }

    /**
     * The root command's opener of the window: a method reference made here, where the class-data training makes it
     * too ({@link CdsTraining}), so that its class is mapped from the archive rather than spun at every start.
     */
    static Runnable explorerOpener() {
        return Launcher::openExplorer;
    }

    /**
     * What {@code ridgeline} with no arguments does: opens the window and returns when it closes, with the exit code
     * and one-line refusal of the command line ({@link RidgelineCommand#run}) when it cannot.
     */
    static int window(PrintWriter err) {
        try {
            openExplorer();
            return RidgelineCommand.OK;
        } catch (RuntimeException e) {
            // the commands' rule (Failures); RidgelineCommand's constants are compiled in, so picocli stays unloaded
            return Failures.report(err, e);
        }
    }

    /**
     * Opens the window and returns when it closes. Without a display, or when the toolkit cannot start (no GTK 3, a
     * display that cannot be opened), refuses in one line (exit 2) that says what is missing and that every command
     * works without it.
     */
    static void openExplorer() {
        if (!hasDisplay(System.getProperty("os.name", ""), System.getenv("DISPLAY"), System.getenv("WAYLAND_DISPLAY"))) {
            throw new IllegalArgumentException("no display (DISPLAY and WAYLAND_DISPLAY are unset): the window needs one;"
                    + EVERY_COMMAND);
        }
        ExplorerApp.preload(); // files and calibration read while the toolkit starts
        FxLogging.quietClasspathWarning(); // the toolkit's own logging (java.util.logging) starts only with it
        String order = prismOrder(System.getProperty("os.name", ""), System.getProperty(PRISM_ORDER), EXISTS);
        if (order != null) {
            System.setProperty(PRISM_ORDER, order);
        }
        try {
            Application.launch(ExplorerApp.class);
        } catch (RuntimeException e) {
            throw toolkitFailure(e, System.getenv("DISPLAY"));
        }
    }

    /** Subcommands that read neither the presets nor the calibration (or time their own start-up). */
    static final Set<String> NO_PRESETS = Set.of("bench", "soak");

    /**
     * Subcommands that evaluate their scenario as soon as the calibration is made: the presets thread finishes it when
     * the command asks for it, so a warm-up evaluation there would only run beside the command's own, the same classes
     * loaded and linked twice at once (evaluate: about 30 ms less CPU without it, medians of 15 fresh JVMs).
     */
    static final Set<String> EVALUATES_AT_ONCE = Set.of("evaluate");

    /**
     * Reads the built-in presets and the calibration tables on a thread of its own while picocli builds its model of
     * the command line on this one: each is about a fifth of a one-shot command's start-up, and on two cores they
     * overlap. The command then finds them loaded (class initialisation waits for the thread if it is not done), and
     * the engine's classes loaded by one evaluation of the default scenario. The expert-popularity fit, which needs no
     * preset, is made on a third thread: the command's thread waits for the calibration once picocli is done, and
     * that core would otherwise be idle. Without {@code warmUp} ({@link #EVALUATES_AT_ONCE}), no evaluation of the
     * default scenario: only the bands' spreads ({@link Uncertainty}), made while the command evaluates.
     * A failure here is left for the command to meet and report as it would have.
     */
    static void readPresetsMeanwhile(boolean warmUp) {
        start("ridgeline-presets", () -> {
            Engine engine = new Engine(CalibrationTables.builtIn());
            if (warmUp) {
                // one evaluation of the default scenario loads and links the engine's classes the command will use
                Bands.of(engine.calibration(), engine.evaluate(Presets.builtInScenario("default")));
            } else {
                // the bands' spreads, which need no scenario, while the command evaluates its own
                Uncertainty.of(engine.calibration());
            }
        });
        start("ridgeline-popularity", CalibrationTables::fittedPopularity);
    }

    /** A daemon thread running {@code work}; whatever it throws is left for the command to meet in its own words. */
    private static void start(String name, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // the command does the same work again and reports the problem
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    static final String EVERY_COMMAND = " every command works without it (`ridgeline --help` lists them;"
            + " `ridgeline export --out view.png` renders the window headless)";

    /**
     * What {@code Application.launch} threw, as the user should read it. JavaFX wraps an exception of the window's
     * own start method as "Exception in Application start method": that is ours, and stays an internal error (with
     * its stack trace). Anything else means the toolkit itself did not start: GTK 3 could not be loaded ("Unable to
     * load glass GTK library."), the display could not be opened ("Unable to open DISPLAY"), or no graphics pipeline
     * was found; that becomes one line naming what is missing.
     */
    static RuntimeException toolkitFailure(RuntimeException e, String display) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Exception in Application")) {
            return e;
        }
        if (message.contains("GTK")) {
            return new IllegalArgumentException("the window needs GTK 3 (the libgtk-3-0 package), which could not be"
                    + " loaded;" + EVERY_COMMAND, e);
        }
        if (message.contains("DISPLAY")) {
            return new IllegalArgumentException("the window cannot open the display '" + display + "' (DISPLAY);"
                    + EVERY_COMMAND, e);
        }
        return new IllegalArgumentException("the window's toolkit (JavaFX) did not start: " + message + ";"
                + EVERY_COMMAND, e);
    }

    /**
     * Whether a path exists: made when this class is initialised, which the class-data training does too
     * ({@link CdsTraining}), so that its lambda's class is mapped from the archive rather than spun at every start.
     */
    private static final Predicate<String> EXISTS = path -> Files.exists(Path.of(path));

    /** JavaFX's choice of graphics pipelines, in order of preference. */
    static final String PRISM_ORDER = "prism.order";

    /** Where a GPU that JavaFX's OpenGL pipeline could use shows itself on Linux: DRM, NVIDIA's driver, WSL's. */
    static final List<String> GPU_DEVICES = List.of("/dev/dri", "/dev/nvidiactl", "/dev/dxg");

    /**
     * The pipelines for the window, or null to leave the choice to JavaFX: on Linux with none of {@link #GPU_DEVICES}
     * (a VM, a container, a remote desktop, Xvfb) only Mesa's software OpenGL could answer, which JavaFX's OpenGL
     * pipeline refuses ("Failed Graphics Hardware Qualifier check") after loading it and making a context, about 0.1 s
     * of CPU before the toolkit goes on with its software pipeline; so that one is asked for at once. A pipeline the
     * user chose ({@code -Dprism.order}) is kept.
     */
    static String prismOrder(String osName, String userChoice, Predicate<String> exists) {
        if (userChoice != null || !osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        return GPU_DEVICES.stream().anyMatch(exists) ? null : "sw";
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
