package dev.ridgeline.app;

import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first enters what they explain. Each {@link Tooltip} is a popup window with a scene
 * of its own, styled when made: the window's first frame had about sixty of them (tiles, scenario fields, tabs, table
 * cells), an eighth of its FX thread's time before the first frame, for text that shows only under a pointer
 * resting on one of them. The text is kept with the node ({@link #text}) and given at once as its accessible help,
 * which a screen reader reads as it reads a tooltip; a tooltip is shown after the pointer rests, so one made on
 * entering is there in time.
 */
public final class Tips {
    private static final String KEY = "ridgeline.tip";

    private Tips() {
    }

    /** {@code control}'s tooltip {@code text}, set when the pointer first enters it. */
    public static void set(Control control, String text) {
        control.getProperties().put(KEY, text);
        control.setAccessibleHelp(text);
        whenEntered(control, () -> control.setTooltip(new Tooltip(text)));
    }

    /** A tooltip {@code text} for {@code node} (not a control: a tile, a bar), installed when the pointer first enters it. */
    public static void install(Node node, String text) {
        node.getProperties().put(KEY, text);
        node.setAccessibleHelp(text);
        whenEntered(node, () -> Tooltip.install(node, new Tooltip(text)));
    }

    /** One tooltip {@code text} for {@code row} and the controls in it, made when the pointer first enters the row. */
    public static void share(Node row, String text, Control... parts) {
        row.getProperties().put(KEY, text);
        row.setAccessibleHelp(text);
        for (Control part : parts) {
            part.getProperties().put(KEY, text);
            part.setAccessibleHelp(text);
        }
        whenEntered(row, () -> {
            Tooltip tip = new Tooltip(text);
            Tooltip.install(row, tip);
            for (Control part : parts) {
                part.setTooltip(tip);
            }
        });
    }

    /** A tooltip on {@code node} whose text follows {@code text}, made when the pointer first enters the node. */
    public static void follow(Node node, ObservableValue<String> text) {
        node.accessibleHelpProperty().bind(text);
        whenEntered(node, () -> {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(text);
            Tooltip.install(node, tip);
        });
    }

    /**
     * A tooltip on {@code control} whose text follows {@code text}, and none while that text is empty (a status line
     * that is blank most of the time); made when the pointer first enters the control.
     */
    public static void followWhileSet(Control control, ObservableValue<String> text) {
        control.accessibleHelpProperty().bind(text);
        whenEntered(control, () -> {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(text);
            text.subscribe(t -> control.setTooltip(t == null || t.isEmpty() ? null : tip));
        });
    }

    /** {@code tab}'s tooltip {@code text}, set when the pointer first enters its tab pane (a tab is not a node). */
    public static void set(Tab tab, String text) {
        tab.getProperties().put(KEY, text);
        tab.tabPaneProperty().subscribe(pane -> {
            if (pane != null && pane.getProperties().putIfAbsent(KEY + ".tabs", Boolean.TRUE) == null) {
                whenEntered(pane, () -> tabsOf(pane));
            }
        });
    }

    private static void tabsOf(TabPane pane) {
        for (Tab t : pane.getTabs()) {
            if (t.getTooltip() == null && t.getProperties().get(KEY) instanceof String) {
                t.setTooltip(new Tooltip((String) t.getProperties().get(KEY)));
            }
        }
    }

    /** Runs {@code make} once, the first time the pointer enters {@code node}. */
    public static void whenEntered(Node node, Runnable make) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                make.run();
            }
        });
    }

    /** The tooltip text of a control, node or tab, whether its tooltip was made yet or not; null for none. */
    public static String text(Object nodeOrTab) {
        Tooltip made = nodeOrTab instanceof Control ? ((Control) nodeOrTab).getTooltip()
                : nodeOrTab instanceof Tab ? ((Tab) nodeOrTab).getTooltip() : null;
        if (made != null) {
            return made.getText();
        }
        Object pending = nodeOrTab instanceof Node ? ((Node) nodeOrTab).getProperties().get(KEY)
                : nodeOrTab instanceof Tab ? ((Tab) nodeOrTab).getProperties().get(KEY) : null;
        return pending instanceof String ? (String) pending : null;
    }
}
