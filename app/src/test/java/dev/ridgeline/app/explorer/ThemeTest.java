package dev.ridgeline.app.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.css.Stylesheet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The shipped theme ({@link Theme#STYLESHEET}) is AtlantaFX Primer Light (atlantafx-base's {@code primer-light.css})
 * without the rules that need a style class of {@link #LEFT_OUT}, the classes of controls the window never makes, in
 * JavaFX's binary form; and no node of the window, every view and tab shown, carries one of those classes. A rule
 * needs every class it names, on the node or the ancestors it names them on, so the rules left out can match no node
 * of the window: it looks as it did with the whole theme.
 * <p>
 * When atlantafx-base or JavaFX changes, or a view starts using one of those controls (take its classes out of the
 * list), make the file again: {@code -Dridgeline.theme.write=true} with this test writes it into the assets module
 * (with {@code ridgeline.bss}, Ridgeline's own stylesheet in binary form).
 */
@ExtendWith(ApplicationExtension.class)
class ThemeTest {
    /** Style classes of controls no view makes (AtlantaFX's own, JavaFX's charts, pickers, trees, editors...). */
    static final Set<String> LEFT_OUT = Set.of("notification", "message", "card", "tile-base", "tile", "modal-box",
            "modal-pane", "popover", "breadcrumbs", "bb-code", "ikonli-font-icon", "font-icon", "calendar",
            "date-picker-popup", "custom-color-dialog", "color-picker", "color-palette", "color-palette-region",
            "pagination", "html-editor", "tree-table-view", "tree-view", "tree-cell", "tree-table-row-cell",
            "tree-table-cell", "spinner", "split-menu-button", "ring-progress-indicator", "chart", "chart-bar",
            "chart-symbol", "chart-line-symbol", "chart-series-line", "chart-area-symbol", "chart-series-area-line",
            "chart-series-area-fill", "area-legend-symbol", "bubble-legend-symbol", "chart-bubble", "bar-chart",
            "stacked-bar-chart", "bar-legend-symbol", "chart-pie", "chart-pie-label", "chart-pie-label-line",
            "pie-legend-symbol", "default-color0", "default-color1", "default-color2", "default-color3",
            "default-color4", "default-color5", "default-color6", "default-color7", "hyperlink", "text-area",
            "password-field", "radio-button", "progress-indicator");
    /** The HTML editor's toolbar buttons ("html-editor-bold", ...). */
    private static final String LEFT_OUT_PREFIX = "html-editor-";
    private static final Pattern RULE = Pattern.compile("([^{}]*)\\{([^{}]*)\\}");
    private static final Pattern CLASS = Pattern.compile("\\.([A-Za-z0-9_-]+)");

    @TempDir
    static Path temp;

    private ExplorerView view;

    @Start
    void start(Stage stage) {
        view = new TestWindow().show(stage);
    }

    @Test
    void theShippedThemeIsPrimerLightWithoutTheRulesOfControlsTheWindowNeverMakes() throws IOException {
        Path css = temp.resolve("primer-light-used.css");
        Path bss = temp.resolve("primer-light-used.bss");
        String whole = read("/atlantafx/base/theme/primer-light.css");
        String used = trimmed(whole);
        Files.writeString(css, used);
        Stylesheet.convertToBinary(css.toFile(), bss.toFile());
        byte[] made = withBase(Files.readAllBytes(bss), css.toUri().toURL().toExternalForm(), "primer-light-used.css");
        if (Boolean.getBoolean("ridgeline.theme.write")) {
            Files.write(Path.of("..", "assets", "src", "main", "resources").resolve(Theme.STYLESHEET.substring(1)), made);
        }
        try (InputStream in = Theme.class.getResourceAsStream(Theme.STYLESHEET)) {
            assertArrayEquals(made, in.readAllBytes(), Theme.STYLESHEET
                    + " is not primer-light.css less the rules left out: make it again (ThemeTest's comment)");
        }
        // every rule kept or left out whole, the looked-up colours kept; about half of the selectors go
        assertEquals(selectors(whole).size(), selectors(used).size() + selectors(whole).stream().filter(s -> leftOut(s)).count());
        assertTrue(used.contains("-color-fg-default:"), "the .root colours");
        assertTrue(selectors(used).size() < 0.6 * selectors(whole).size(), selectors(used).size() + " of " + selectors(whole).size());
    }

    /**
     * Ridgeline's own stylesheet ships beside its text in JavaFX's binary form ({@code ridgeline.bss}), which JavaFX
     * reads instead of parsing the text when the view asks for {@code ridgeline.css}: the same rules and declarations,
     * in the same order. (Compared rule by rule, not byte by byte: made in this test's JVM after the theme's, the file
     * came out with its string table in another order than made in a JVM of its own.) After an edit of
     * {@code ridgeline.css}, make it again as the theme ({@code -Dridgeline.theme.write=true}).
     */
    @Test
    void theAppsStylesheetShipsCompiledFromItsText() throws IOException {
        java.net.URL text = Theme.class.getResource("/css/ridgeline.css");
        if (Boolean.getBoolean("ridgeline.theme.write")) {
            Path css = temp.resolve("ridgeline.css");
            Files.writeString(css, read("/css/ridgeline.css"));
            Stylesheet.convertToBinary(css.toFile(), Path.of("..", "assets", "src", "main", "resources", "css", "ridgeline.bss").toFile());
        }
        java.net.URL binary = Theme.class.getResource("/css/ridgeline.bss");
        assertTrue(binary != null, "/css/ridgeline.bss is missing: make it (ThemeTest's comment)");
        assertEquals(rules(new javafx.css.CssParser().parse(text)), rules(Stylesheet.loadBinary(binary)),
                "/css/ridgeline.bss is not ridgeline.css: make it again (ThemeTest's comment)");
        // and it is what JavaFX loads for the view's stylesheet
        Stylesheet loaded = com.sun.javafx.css.StyleManager.loadStylesheet(ExplorerView.stylesheet());
        assertTrue(loaded.getUrl().endsWith("/css/ridgeline.bss"), loaded.getUrl());
    }

    /** Each rule's selectors and declarations (property, value, !important), one rule a line. */
    private static String rules(Stylesheet sheet) {
        StringBuilder out = new StringBuilder();
        for (javafx.css.Rule rule : sheet.getRules()) {
            out.append(rule.getSelectors()).append(" {");
            for (javafx.css.Declaration d : rule.getDeclarations()) {
                out.append(d.getProperty()).append(": ").append(d.getParsedValue()).append(d.isImportant() ? " !important" : "").append("; ");
            }
            out.append("}\n");
        }
        return out.toString();
    }

    @Test
    void noNodeOfTheWindowCarriesAClassOfTheRulesLeftOut(FxRobot robot) {
        Set<String> seen = new TreeSet<>();
        TestWindow.eachTabShown(robot, view, root -> classes(root, seen));
        assertTrue(seen.contains("table-row-cell") && seen.contains("property-sheet") && seen.contains("progress-bar"),
                "the walk reached the views: " + seen);
        Set<String> clash = new TreeSet<>(seen);
        clash.removeIf(c -> !LEFT_OUT.contains(c) && !c.startsWith(LEFT_OUT_PREFIX));
        assertEquals(Set.of(), clash, "classes in use whose rules the theme leaves out");
    }

    /**
     * {@code bss} with the source's location, which JavaFX's binary form keeps once in its string table as the base of
     * the stylesheet's {@code url()} values, replaced by {@code name}: the file is then the same wherever it is made.
     * Every {@code url()} Primer Light keeps is a {@code data:} URI, which needs no base.
     */
    private static byte[] withBase(byte[] bss, String source, String name) throws IOException {
        var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bss));
        var bytes = new java.io.ByteArrayOutputStream();
        var out = new java.io.DataOutputStream(bytes);
        out.writeShort(in.readShort()); // the format's version
        int strings = in.readShort();
        out.writeShort(strings);
        out.writeShort(in.readShort()); // the index of null, or -1
        int replaced = 0;
        for (int i = 0; i < strings; i++) {
            String s = in.readUTF();
            if (s.equals(source)) {
                s = name;
                replaced++;
            }
            out.writeUTF(s);
        }
        assertEquals(1, replaced, "the source's location in the string table");
        out.write(in.readAllBytes());
        return bytes.toByteArray();
    }

    private static void classes(Node node, Set<String> into) {
        into.addAll(node.getStyleClass());
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(n -> classes(n, into));
        }
    }

    /** {@code css} without the selectors that need a class left out, and without the rules left with none. */
    static String trimmed(String css) {
        StringBuilder out = new StringBuilder();
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            var kept = selectors(rule.group(1)).stream().filter(s -> !leftOut(s)).toList();
            if (!kept.isEmpty()) {
                out.append(String.join(",\n", kept)).append(" {").append(rule.group(2)).append("}\n");
            }
        }
        return out.toString();
    }

    /** The selectors of a rule's selector list, or of every rule of a stylesheet, comments dropped. */
    private static java.util.List<String> selectors(String text) {
        var out = new ArrayList<String>();
        String heads = text.contains("{") ? RULE.matcher(text).results().map(m -> m.group(1)).reduce("", (a, b) -> a + "," + b)
                : text;
        for (String s : heads.replaceAll("(?s)/\\*.*?\\*/", "").split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static boolean leftOut(String selector) {
        Matcher c = CLASS.matcher(selector);
        while (c.find()) {
            if (LEFT_OUT.contains(c.group(1)) || c.group(1).startsWith(LEFT_OUT_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ThemeTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
