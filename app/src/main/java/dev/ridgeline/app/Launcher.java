package dev.ridgeline.app;

import dev.ridgeline.app.cli.RidgelineCommand;

/**
 * Entry point on a plain classpath (it must not extend {@code Application}). With no arguments it opens the explorer
 * window; with a subcommand it runs headless.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(RidgelineCommand.run(args));
    }
}
