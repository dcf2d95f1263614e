package dev.ridgeline.app.cli;

import dev.ridgeline.app.StrictNumbers;
import dev.ridgeline.app.Version;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ridgeline}: opens the explorer with no subcommand; subcommands run the engine headless.
 * Exit codes: 0 success, 2 bad input (one line naming the flag or field and the value), 1 internal error.
 */
@Command(name = "ridgeline", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Decode performance of MoE models under expert parallelism: the explorer window, or headless commands.")
public final class RidgelineCommand implements Runnable {
    /** The subcommands, in the order the usage lists them. */
    static final List<String> COMMANDS = List.of("evaluate", "search", "presets", "bench", "export", "frontier",
            "sensitivity", "solve", "report", "compare", "serve", "validate", "soak");
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
        // picocli reads every option of every subcommand it is given, by reflection, at start-up: a run that names
        // its subcommand gets only that one (the usage and a mistyped name get them all). Then the settings below,
        // which apply to the subcommands present.
        boolean named = args.length > 0 && COMMANDS.contains(args[0]);
        if (args.length > 0 && System.getProperty("java.awt.headless") == null) {
            // A command draws with Java2D into files: never on the display DISPLAY names, which AWT would otherwise
            // open (a stale one failed the export: "Can't connect to X11 window server"). The window (no arguments)
            // is JavaFX's and does not use AWT's display.
            System.setProperty("java.awt.headless", "true");
        }
        for (String name : named ? List.of(args[0]) : COMMANDS) {
            cl.addSubcommand(name, command(name));
        }
        cl.setOut(out);
        cl.setErr(err);
        strictNumbers(cl);
        cl.setParameterExceptionHandler((ex, a) -> {
            List<String> near = ex instanceof CommandLine.UnmatchedArgumentException
                    ? ((CommandLine.UnmatchedArgumentException) ex).getSuggestions() : List.of();
            err.println(oneLine("ridgeline: " + ex.getMessage()
                    + (near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)")));
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> Failures.report(err, ex));
        return cl.execute(args);
    }

    /** A new instance of subcommand {@code name} (of {@link #COMMANDS}); its class is loaded only when it runs. */
    static Object command(String name) {
        switch (name) {
            case "evaluate": return new EvaluateCommand();
            case "search": return new SearchCommand();
            case "presets": return new PresetsCommand();
            case "bench": return new BenchCommand();
            case "export": return new ExportCommand();
            case "frontier": return new FrontierCommand();
            case "sensitivity": return new SensitivityCommand();
            case "solve": return new SolveCommand();
            case "report": return new ReportCommand();
            case "compare": return new CompareCommand();
            case "serve": return new ServeCommand();
            case "validate": return new ValidateCommand();
            case "soak": return new SoakCommand();
            default: throw new IllegalArgumentException("no subcommand " + name);
        }
    }

    /** Longest error line: a message quotes at most a few shortened values. */
    static final int MAX_LINE = 400;

    /** The contract's one line ({@link Failures#oneLine}). */
    static String oneLine(String message) {
        return Failures.oneLine(message);
    }

    /** Integer and decimal flags take ASCII digits only: no Unicode digits, hex floats, NaN or Infinity. */
    private static void strictNumbers(CommandLine cl) {
        CommandLine.ITypeConverter<Integer> integer = v -> {
            try {
                return StrictNumbers.integer(v);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
        CommandLine.ITypeConverter<Double> decimal = v -> {
            try {
                return StrictNumbers.decimal(v);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
        cl.registerConverter(Integer.class, integer);
        cl.registerConverter(int.class, integer);
        cl.registerConverter(Double.class, decimal);
        cl.registerConverter(double.class, decimal);
    }
}
