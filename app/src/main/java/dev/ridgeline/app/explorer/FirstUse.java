package dev.ridgeline.app.explorer;

/**
 * One-time JVM work that the FX thread would otherwise do the first time it builds and shows the view, done on the
 * preload thread instead while the FX thread builds the view (the FX thread is the cold start's critical path, the
 * preload thread has time to spare before the engine is asked for). Nothing here changes what the window shows:
 * AWT's font manager (fontconfig's files read, the font directories registered) is made at the first font a chart
 * measures, the roofline's, about 2 % of the FX thread's time. (The records JavaFX compares at start, whose
 * generated {@code equals} was linked here too, now write theirs out: {@code Scenario#equals}.)
 */
final class FirstUse {
    private FirstUse() {
    }

    /**
     * What the view's construction meets first: the charts' fonts. A failure here is left to the FX thread, which
     * meets the same call and reports it as it always did.
     */
    static void fonts() {
        try {
            new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12).getFamily(); // makes the font manager
        } catch (RuntimeException e) {
            // see above
        }
    }
}
