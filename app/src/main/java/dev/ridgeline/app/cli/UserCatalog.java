package dev.ridgeline.app.cli;

import dev.ridgeline.app.UserFolders;
import dev.ridgeline.engine.io.Catalog;
import dev.ridgeline.engine.io.Presets;
import java.io.PrintWriter;

/**
 * The presets a command sees: the built-in ones plus the user's ({@code $RIDGELINE_HOME/presets}, else
 * {@code ~/.ridgeline/presets}), as the window sees them. A user file that cannot be used is named on stderr, one
 * line each, and skipped; it never fails the command.
 */
final class UserCatalog {
    private UserCatalog() {
    }

    static Catalog load(PrintWriter err) {
        Presets.Loaded loaded = Presets.withUserPresets(UserFolders.presets());
        for (String problem : loaded.problems()) {
            err.println(RidgelineCommand.oneLine("ridgeline: skipped " + problem));
        }
        err.flush();
        return loaded.catalog();
    }
}
