package dev.ridgeline.engine.search;

import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Dtype;
import dev.ridgeline.engine.model.Policy;
import dev.ridgeline.engine.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Seed 000's result tables, transcribed in {@code src/test/resources/seed000/table-tps{20,15}.csv} with citation. */
public final class SeedTable {
    private SeedTable() {
    }

    public static List<SearchRow> load(int target) {
        String name = "/seed000/table-tps" + target + ".csv";
        try (InputStream in = SeedTable.class.getResourceAsStream(name)) {
            List<SearchRow> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("gpu,")) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new SearchRow(f[0], f[1], Policy.ofLabel(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                        Integer.parseInt(f[5]), Boolean.parseBoolean(f[6]), Integer.parseInt(f[7]),
                        Double.parseDouble(f[8]), Double.parseDouble(f[9]), Integer.parseInt(f[10])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario of a table row, in seed fidelity with the default readings. */
    public static Scenario scenario(SearchRow r) {
        return Fixtures.seed(r.gpu(), r.nic()).withPolicy(r.policy()).withEp(r.ep())
                .withKvDtype(Dtype.ofBytes(r.kvBytes())).withWeightDtype(Dtype.ofBytes(r.paramBytes()))
                .withPromotion(r.promotion()).withBatch(r.batch())
                .withMtp(r.mtpDepth(), Scenario.SEED_MTP_ACCEPTANCE);
    }
}
