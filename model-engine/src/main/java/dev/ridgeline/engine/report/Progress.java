package dev.ridgeline.engine.report;

/** Where a long report is, for a progress bar, and whether to stop. */
public interface Progress extends Cancel {
    Progress NONE = new Progress() {
        @Override
        public void step(String what, double fraction) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** The report is at {@code what}, {@code fraction} (0-1) of the way through. */
    void step(String what, double fraction);
}
