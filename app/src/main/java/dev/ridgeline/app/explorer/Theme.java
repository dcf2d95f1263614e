package dev.ridgeline.app.explorer;

import java.net.URL;
import javafx.application.Application;

/**
 * The look: AtlantaFX Primer Light as the user-agent stylesheet; Ridgeline's own CSS sits on the view.
 * <p>
 * The theme is shipped without the rules of controls the window never makes ({@link #STYLESHEET}, made from
 * atlantafx-base's {@code primer-light.css} by {@code ThemeTest}, which also checks that no node of the window carries
 * a style class those rules need). JavaFX looks up, for each node's kind, every rule of the user-agent stylesheet
 * that could match it; the other controls' rules (notifications, cards, date pickers, tree tables, charts...) were
 * half of the theme's selectors and a third of the style matching before the window's first frame.
 */
public final class Theme {
    /** Primer Light less the rules no node of the window can match, in JavaFX's binary form. */
    static final String STYLESHEET = "/css/primer-light-used.bss";

    private Theme() {
    }

    /** Call on the FX thread before building views. */
    public static void apply() {
        URL css = Theme.class.getResource(STYLESHEET);
        if (css == null) {
            throw new IllegalStateException("missing resource " + STYLESHEET + " (assets module)");
        }
        Application.setUserAgentStylesheet(css.toExternalForm());
    }
}
