package dev.ridgeline.app.cli;

import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.model.ModelConfig;
import dev.ridgeline.engine.model.Nic;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ridgeline presets list}: the chips, NICs, models and scenarios built in, and the user's saved presets. */
@Command(name = "presets", mixinStandardHelpOptions = true, description = "Built-in presets and the user's own.",
        subcommands = {PresetsCommand.ListCommand.class, FieldsCommand.class})
final class PresetsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the presets (built-in and the user's, from $RIDGELINE_HOME or ~/.ridgeline) with their key figures.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Catalog c = UserCatalog.load(spec.commandLine().getErr());
            PrintWriter out = spec.commandLine().getOut();
            out.println("chips:");
            for (Chip ch : c.chips()) {
                out.printf(Locale.ROOT, "  %-17s %6.1f GB %7.0f GB/s  FP8 %6.0f  BF16 %6.1f TFLOPS  FA3 %-11s scale-up %4d  %s%n",
                        ch.name(), ch.memoryBytes() / 1e9, ch.hbmBandwidthBytesPerSec() / 1e9, ch.fp8FlopsPerSec() / 1e12,
                        ch.bf16FlopsPerSec() / 1e12, ch.fa3Mode().label(), ch.scaleUpDomain(), ch.confidence().split("[;(]")[0].strip());
            }
            out.println("nics:");
            for (Nic n : c.nics()) {
                out.printf(Locale.ROOT, "  %-17s %6.1f GB/s effective%n", n.name(), n.bandwidthBytesPerSec() / 1e9);
            }
            out.println("models:");
            for (ModelConfig m : c.models()) {
                out.printf(Locale.ROOT, "  %-17s %s, hidden %d, %d layers (%d dense), %d routed experts top-%d%n", m.name(),
                        m.attention(), m.hiddenSize(), m.numLayers(), m.denseLayers(), m.routedExperts(), m.expertsPerToken());
            }
            out.println("scenarios:");
            for (String s : Presets.builtInScenarioNames()) {
                out.println("  " + s);
            }
            out.flush();
            return RidgelineCommand.OK;
        }
    }
}
