package dev.ridgeline.engine.report;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.*;
import org.junit.jupiter.api.Test;

class SmokeTmpTest {
    @Test
    void smoke() {
        for (Scenario s : new Scenario[] {dev.ridgeline.engine.io.Presets.builtInScenario("default"),
                Scenario.defaults(Fixtures.CATALOG.model("Qwen3-235B-A22B"), Fixtures.CATALOG.chip("B200"), Fixtures.CATALOG.nic("CX7")).withFidelity(Fidelity.CALIBRATED)}) {
            long t0 = System.nanoTime();
            Report r = ReportBuilder.build(Fixtures.ENGINE, new ReportRequest(s, null, null, 20, "dev", "ridgeline report", "{}"),
                    new Progress() {
                        long last = System.nanoTime();
                        public void step(String w, double f) { long n = System.nanoTime(); System.out.println(w + " " + f + " +" + (n - last) / 1e6 + " ms"); last = n; }
                        public boolean cancelled() { return false; }
                    });
            System.out.println("total " + (System.nanoTime() - t0) / 1e6 + " ms; sections " + r.sections().size());
            for (Section sec : r.sections()) {
                System.out.println(sec.number() + " " + sec.title());
                for (Block b : sec.blocks()) {
                    if (b instanceof Block.Paragraph) System.out.println("   " + ((Block.Paragraph) b).plain());
                    if (b instanceof Block.Items) ((Block.Items) b).items().forEach(p -> System.out.println("   * " + p.plain()));
                    if (b instanceof Block.Table) System.out.println("   [table " + ((Block.Table) b).rows().size() + " rows]");
                }
            }
        }
    }
}
