package dev.ridgeline.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers typed on the command line or in a number field: ASCII decimal notation only. */
class StrictNumbersTest {
    /** Characters a number is made of, and look-alikes: Arabic-Indic, Devanagari and full-width digits, hex, words. */
    static final String[] PIECES = {"0", "1", "7", "9", ".", "-", "+", "e", "E", "x", "p", "٣", "१", "１", " ", "_", "d",
        "f", "NaN", "Infinity", "0x1", "\n", ","};

    static String randomText(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        for (int i = 1 + r.nextInt(8); i > 0; i--) {
            b.append(r.nextInt(3) == 0 ? PIECES[r.nextInt(PIECES.length)] : String.valueOf(r.nextInt(10)));
        }
        return b.toString();
    }

    /** The grammar, stated independently: BigDecimal reads exactly "[+-]digits[.digits][e[+-]digits]" in ASCII. */
    static boolean isAsciiDecimal(String s) {
        if (!s.chars().allMatch(c -> c < 128) || s.isEmpty()) {
            return false;
        }
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Test
    void seed83AcceptedTextIsExactlyAsciiDecimalNotation() {
        SplittableRandom r = new SplittableRandom(83);
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(r);
            boolean decimal = isAsciiDecimal(text) && Double.isFinite(Double.parseDouble(text));
            try {
                double v = StrictNumbers.decimal(text);
                assertTrue(decimal, "accepted " + text);
                assertEquals(new BigDecimal(text).doubleValue(), v, 0.0, text);
            } catch (NumberFormatException e) {
                assertTrue(!decimal, "refused " + text + ": " + e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            }
            boolean integer = text.chars().allMatch(c -> c < 128) && text.matches("[+-]?[0-9]+")
                    && new BigInteger(text).bitLength() < 32;
            try {
                int v = StrictNumbers.integer(text);
                assertTrue(integer, "accepted " + text);
                assertEquals(new BigInteger(text).intValueExact(), v, text);
            } catch (NumberFormatException e) {
                assertTrue(!integer, "refused " + text + ": " + e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"١٢٨", "１２８", "१२८", "0x80", "0x1p-1", "1d", "NaN", "Infinity", "-Infinity", " 128", "128 ", "1_000", ""})
    void theIssuesLookAlikesAreRefused(String text) {
        assertThrows(NumberFormatException.class, () -> StrictNumbers.integer(text));
        assertThrows(NumberFormatException.class, () -> StrictNumbers.decimal(text));
    }
}
