package dev.ridgeline.app.explorer;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The look: AtlantaFX Primer Light as the user-agent stylesheet; Ridgeline's own CSS sits on the view. */
public final class Theme {
    private Theme() {
    }

    /** Call on the FX thread before building views. */
    public static void apply() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }
}
