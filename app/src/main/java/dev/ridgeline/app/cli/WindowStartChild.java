package dev.ridgeline.app.cli;

import dev.ridgeline.app.explorer.WindowStartBench;

/** The fresh process {@code bench} times: opens the explorer and prints one line when its first frame is drawn. */
public final class WindowStartChild {
    private WindowStartChild() {
    }

    public static void main(String[] args) {
        WindowStartBench.openAndReport(line -> {
            System.out.println(line);
            System.out.flush();
        });
    }
}
