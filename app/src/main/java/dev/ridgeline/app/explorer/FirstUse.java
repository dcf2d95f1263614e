package dev.ridgeline.app.explorer;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.model.Scenario;

/**
 * One-time JVM work that the FX thread would otherwise do the first time it builds and shows the view, done on the
 * preload thread instead while the FX thread builds the view (the FX thread is the cold start's critical path, the
 * preload thread has time to spare before the engine is asked for). Nothing here changes what the window shows.
 * <ul>
 *   <li>A record's {@code equals} is linked at its first call ({@code ObjectMethods}' bootstrap spins method-handle
 *   classes, interpreted): JavaFX's change listeners compare each new scenario, model, chip, NIC and evaluation with
 *   the last, and the first such comparison on the FX thread cost about 4 % of its time to the first frame.</li>
 *   <li>AWT's font manager (fontconfig's files read, the font directories registered) is made at the first font a
 *   chart measures, the roofline's, about 2 % of the FX thread's time.</li>
 * </ul>
 */
final class FirstUse {
    private FirstUse() {
    }

    /**
     * What the view's construction meets first: the scenario's records compared, and the charts' fonts. A failure here
     * is left to the FX thread, which meets the same call and reports it as it always did.
     */
    static void opening(Scenario s) {
        try {
            link(s);
            link(s.model());
            link(s.chip());
            link(s.nic());
            new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12).getFamily(); // makes the font manager
        } catch (RuntimeException e) {
            // see above
        }
    }

    /** What the model's first result meets: the evaluation compared with none. */
    static void result(Evaluation e) {
        link(e);
    }

    /** Runs {@code record}'s {@code equals} once, which links it (a comparison with null is false without a field read). */
    private static void link(Record record) {
        if (record != null && record.equals(null)) {
            throw new AssertionError(record);
        }
    }
}
