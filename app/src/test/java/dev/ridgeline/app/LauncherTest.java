package dev.ridgeline.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ridgeline.app.cli.RidgelineCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void linuxNeedsDisplayOrWayland() {
        assertFalse(Launcher.hasDisplay("Linux", null, null));
        assertFalse(Launcher.hasDisplay("Linux", "", " "));
        assertTrue(Launcher.hasDisplay("Linux", ":0", null));
        assertTrue(Launcher.hasDisplay("Linux", null, "wayland-0"));
        assertTrue(Launcher.hasDisplay("Windows 11", null, null));
    }

    @Test
    void withoutADisplayTheWindowRefusesInOneLineAndPointsToExport() {
        Assumptions.assumeTrue(System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null);
        StringWriter err = new StringWriter();
        RidgelineCommand.setExplorerOpener(Launcher::openExplorer);
        try {
            assertEquals(2, RidgelineCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)));
        } finally {
            RidgelineCommand.setExplorerOpener(null);
        }
        String message = err.toString().trim();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("ridgeline export"), message);
    }
}
