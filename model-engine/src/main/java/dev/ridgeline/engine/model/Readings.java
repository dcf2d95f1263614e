package dev.ridgeline.engine.model;

import static dev.ridgeline.engine.model.Checks.inRange;
import static dev.ridgeline.engine.model.Checks.present;

/**
 * How the figures are read: the fidelity, and the seed-000 readings that only seed fidelity uses (calibrated
 * fidelity is physical whatever these say).
 *
 * @param throughputReading seed fidelity's throughput per card: the seed's divide-by-q or accepted tokens
 * @param faChunkTokens     keys FlashMLA processes per chunk; seed 000 computes whole chunks
 * @param expertLoad        rows each local routed expert is timed with in seed fidelity (see {@link ExpertLoad})
 */
public record Readings(Fidelity fidelity, ThroughputReading throughputReading, int faChunkTokens,
                       ExpertLoad expertLoad) {
    public Readings {
        String owner = "scenario";
        present(fidelity, "fidelity", owner);
        present(throughputReading, "throughputReading", owner);
        inRange(faChunkTokens, 1, Deployment.MAX_CONTEXT, "faChunkTokens", owner);
        present(expertLoad, "expertLoad", owner);
    }

    public Readings withFidelity(Fidelity v) {
        return new Readings(v, throughputReading, faChunkTokens, expertLoad);
    }

    public Readings withThroughputReading(ThroughputReading v) {
        return new Readings(fidelity, v, faChunkTokens, expertLoad);
    }

    public Readings withFaChunk(int v) {
        return new Readings(fidelity, throughputReading, v, expertLoad);
    }

    public Readings withExpertLoad(ExpertLoad v) {
        return new Readings(fidelity, throughputReading, faChunkTokens, v);
    }
}
