package dev.ridgeline.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The echo of a user's text in a message: one line, at most 60 characters, nothing hidden. */
class ChecksTest {
    /** Characters that break or disguise a line: newlines, NUL, escape, bidi override, line separator, BOM, ZWJ. */
    static final String NASTY = "\n\r\t\u0000\u001b\u202e\u2028\u2029\ufeff\u200d\u0085";

    static String randomText(SplittableRandom r, int maxLength) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(maxLength + 1);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(4)) {
                case 0: b.append(NASTY.charAt(r.nextInt(NASTY.length()))); break;
                case 1: b.appendCodePoint(0x1F600 + r.nextInt(40)); break; // emoji: two chars each
                case 2: b.append((char) (0x0660 + r.nextInt(10))); break; // Arabic-Indic digits
                default: b.append((char) ('a' + r.nextInt(26)));
            }
        }
        return b.toString();
    }

    @Test
    void seed53ShortenedTextIsOneLineOfAtMostTheLimitAndKeepsShortPlainText() {
        SplittableRandom r = new SplittableRandom(53);
        for (int i = 0; i < 5000; i++) {
            String text = randomText(r, i % 10 == 0 ? 100_000 : 120);
            String shown = Checks.shorten(text);
            assertEquals(1, shown.lines().count() + (shown.isEmpty() ? 1 : 0), shown);
            for (int k = 0; k < shown.length(); k++) {
                assertFalse(NASTY.indexOf(shown.charAt(k)) >= 0, () -> "hidden character left in " + shown);
            }
            int codePoints = text.codePointCount(0, text.length());
            // escapes take up to 6 characters each; the limit counts the text's characters, plus the ellipsis
            assertTrue(shown.codePointCount(0, shown.length()) <= 6 * Checks.ECHO_LIMIT + 1, shown);
            assertEquals(codePoints > Checks.ECHO_LIMIT, shown.endsWith("…"), shown);
            if (text.chars().allMatch(c -> c >= 'a' && c <= 'z') && codePoints <= Checks.ECHO_LIMIT) {
                assertEquals(text, shown, "plain short text is echoed as it is");
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            144                  | 144
            3597.0351104         | 3597.0351104
            0.01                 | 0.01
            1e15                 | 1e15
            -5e12                | -5e12
            1073741824           | 1073741824
            1e-320               | 1e-320
            1e308                | 1e308
            0.1e6                | 100000
            99999.99999999999    | 100000
            """)
    void numbersReadAsTyped(double value, String shown) {
        assertEquals(shown, Checks.number(value));
    }

    @Test
    void aNameIsOneLineOfAtMostAHundredCharacters() {
        assertEquals("x".repeat(100), Checks.name("x".repeat(100), "chip"));
        IllegalArgumentException longName = assertThrows(IllegalArgumentException.class,
                () -> Checks.name("x".repeat(101), "chip"));
        assertEquals("name must be at most 100 characters, was 101 (chip)", longName.getMessage());
        IllegalArgumentException newline = assertThrows(IllegalArgumentException.class,
                () -> Checks.name("My\nChip", "chip"));
        assertEquals("name must not contain control characters, was 'My\\nChip' (chip)", newline.getMessage());
    }
}
