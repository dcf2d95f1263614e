package dev.ridgeline.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A short soak (seconds, not minutes): the window takes random edits across its views without an exception. Fifteen
 * seconds: the first edits draw every view for the first time, and nine seconds made four edits on two loaded cores.
 */
class SoakCommandTest {
    @Test
    void aShortSoakEditsTheWindowWithoutAnExceptionAndReportsItsFigures() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RidgelineCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "soak", "--minutes", "0.25");
        String json = out.toString().strip();
        assertEquals(0, code, json + "\n" + err);
        assertTrue(number(json, "edits") >= 5, json);
        assertEquals(0, number(json, "exceptions"), json + "\n" + err);
        assertTrue(number(json, "heapStartMB") > 0 && number(json, "heapWarmMB") > 0 && number(json, "heapEndMB") > 0, json);
        assertTrue(number(json, "redrawP95Millis") > 0, json);
    }

    @Test
    void aBadLengthIsRefusedInOneLine() {
        StringWriter err = new StringWriter();
        int code = RidgelineCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "soak", "--minutes", "0");
        assertEquals(RidgelineCommand.BAD_INPUT, code);
        assertTrue(err.toString().startsWith("ridgeline: --minutes: bad value 0"), err.toString());
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([0-9.]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }
}
