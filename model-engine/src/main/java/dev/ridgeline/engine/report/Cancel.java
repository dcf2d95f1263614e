package dev.ridgeline.engine.report;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Asked between steps of a long report: has the user given up? {@link #check()} throws when so. */
@FunctionalInterface
public interface Cancel {
    Cancel NEVER = () -> false;

    boolean cancelled();

    default void check() {
        if (cancelled()) {
            throw new CancellationException("report cancelled");
        }
    }

    static Cancel of(BooleanSupplier s) {
        return s::getAsBoolean;
    }
}
