package dev.ridgeline.engine.memory;

/** Whether the scenario's batch fits in HBM. */
public sealed interface Fit permits Fit.Fits, Fit.OutOfMemory {

    boolean fits();

    /** The batch fits, with {@code headroomBytes} to spare. */
    record Fits(double headroomBytes) implements Fit {
        @Override
        public boolean fits() {
            return true;
        }
    }

    /** The batch needs {@code missingBytes} more than the card has; {@code maxBatch} is the largest that fits. */
    record OutOfMemory(double missingBytes, int maxBatch) implements Fit {
        @Override
        public boolean fits() {
            return false;
        }
    }
}
