package dev.ridgeline.app.cli;

import dev.ridgeline.engine.io.PresetException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ridgeline}: opens the explorer with no subcommand; subcommands run the engine headless.
 * Exit codes: 0 success, 2 bad input (one line naming the flag or field and the value), 1 internal error.
 */
@Command(name = "ridgeline", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Decode performance of MoE models under expert parallelism: the explorer window, or headless commands.",
        subcommands = {EvaluateCommand.class, SearchCommand.class, PresetsCommand.class, BenchCommand.class,
                ExportCommand.class})
public final class RidgelineCommand implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    /** Hook for the window: set by the app when the explorer exists; null prints the usage. */
    static volatile Runnable openExplorer;

    public static void setExplorerOpener(Runnable opener) {
        openExplorer = opener;
    }

    @Override
    public void run() {
        if (openExplorer != null) {
            openExplorer.run();
        } else {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new RidgelineCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("ridgeline: " + ex.getMessage().split("\n")[0]);
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof PresetException) {
                err.println("ridgeline: " + ex.getMessage());
                return BAD_INPUT;
            }
            err.println("ridgeline: internal error: " + ex);
            ex.printStackTrace(err);
            return INTERNAL_ERROR;
        });
        return cl.execute(args);
    }
}
