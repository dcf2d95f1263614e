package dev.ridgeline.engine.roofline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ridgeline.engine.Evaluation;
import dev.ridgeline.engine.Fixtures;
import dev.ridgeline.engine.model.Fidelity;
import dev.ridgeline.engine.model.Scenario;
import dev.ridgeline.engine.ops.OpKind;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An op's basis is written once, when first read, and compares by its text. */
class OpResultBasisTest {

    private static OpResult op(String text, AtomicInteger written) {
        return OpResult.of(OpKind.Q_DOWN, OpKind.Scope.MOE_LAYER, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, Bound.MEMORY, 1, false,
                () -> {
                    written.incrementAndGet();
                    return text;
                });
    }

    @Test
    void writtenOnceWhenFirstRead() {
        AtomicInteger written = new AtomicInteger();
        OpResult op = op("rows of a table", written);
        assertEquals(0, written.get(), "nothing written before it is read");
        assertEquals("rows of a table", op.basis());
        assertEquals("rows of a table", op.basis());
        assertEquals(1, written.get(), "written once");
    }

    @Test
    void opsCompareByTheirBasisText() {
        AtomicInteger written = new AtomicInteger();
        assertEquals(op("same", written), op("same", written));
        assertEquals(op("same", written).hashCode(), op("same", written).hashCode());
        assertNotEquals(op("same", written), op("other", written));
    }

    @Test
    void twoDetailedEvaluationsOfOneScenarioAreEqual() {
        Scenario s = Fixtures.seed("H800", "CX7").withFidelity(Fidelity.CALIBRATED);
        Evaluation a = Fixtures.ENGINE.evaluate(s);
        Evaluation b = Fixtures.ENGINE.evaluate(s);
        assertEquals(a.ops(), b.ops());
        a.ops().forEach(o -> assertEquals(false, o.basis().isBlank(), o.name()));
    }
}
