package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The archive's training waits for the JIT's queues to empty before it exits (JDK 17 archives a method's "queued for
 * compilation" flag, JDK-8306460): HotSpot's {@code Compiler.queue} report read as idle or busy, and the wait itself on
 * this JVM.
 */
class CdsTrainingTest {
    static final String IDLE = "Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n\n";

    @Test
    void anEmptyReportIsIdleAndAnyTaskIsNot() {
        assertTrue(CdsTraining.compilersIdle(IDLE));
        assertFalse(CdsTraining.compilersIdle("Current compiles: \nC2 CompilerThread0  9644       4       "
                + "com.sun.marlin.Renderer::_endRendering (2639 bytes)\n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\n"
                + "Empty\n"));
        assertFalse(CdsTraining.compilersIdle("Current compiles: \n\nC1 compile queue:\n  9645       3       "
                + "com.sun.marlin.Renderer::_endRendering (2639 bytes)\n\nC2 compile queue:\nEmpty\n"));
        assertFalse(CdsTraining.compilersIdle(""));
        assertFalse(CdsTraining.compilersIdle(null));
    }

    @Test
    void theWaitEndsWithTheCompilersIdleOnThisJvm() {
        // some work for the JIT first, so that the queues are not empty from the start
        StringBuilder sink = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sink.setLength(0);
            sink.append(Integer.toHexString(i * 31)).append(Math.sqrt(i));
        }
        assertTrue(CdsTraining.awaitIdleCompilers(CdsTraining.IDLE_WAIT_NANOS), sink.toString());
    }

    /**
     * The classes only the window on screen loads (GTK's glass platform, the launcher's path) are named right for this
     * platform's JavaFX: each one loads, so the training puts it in the archive (a misspelt or renamed one would be
     * skipped silently there).
     */
    @Test
    void everyOnScreenClassLoadsOnLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        org.junit.jupiter.api.Assertions.assertEquals(CdsTraining.ON_SCREEN.size(), CdsTraining.loadOnScreenClasses());
    }
}
