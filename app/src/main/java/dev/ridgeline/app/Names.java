package dev.ridgeline.app;

import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;

/**
 * Names by which the app and its tests find a node ("batchField", "tpotValue", "chipTab"), kept with the node instead
 * of as its CSS id. JavaFX styles a node by the rules that match its (type, id, style classes): a node with an id of
 * its own has the theme's rules searched and its styles computed for it alone, where its siblings of the same kind
 * without one share them. Before the window's first frame the ids made 95 of the 222 kinds of node styled, and
 * stripping them cut the FX thread's style matching by about a third; no stylesheet of the app names an id. The chip
 * editor and the balance panel, leaves that know no other package of the app, keep their CSS ids: they are built when
 * their tab is first shown, never before the first frame.
 */
public final class Names {
    private static final String KEY = "ridgeline.name";

    private Names() {
    }

    /** Names {@code node}; returns it. */
    public static <T extends Node> T name(T node, String name) {
        node.getProperties().put(KEY, name);
        return node;
    }

    /** Names {@code tab}: its header in the tab strip answers to the name. */
    public static Tab name(Tab tab, String name) {
        tab.getProperties().put(KEY, name);
        return tab;
    }

    /** {@code node}'s name (a tab header's: its tab's), or null. */
    public static String of(Node node) {
        Object name = node.getProperties().get(KEY);
        if (name == null && node.getProperties().get(Tab.class) instanceof Tab tab) {
            name = tab.getProperties().get(KEY); // JavaFX's tab header keeps its tab there
        }
        return name instanceof String s ? s : null;
    }

    /** {@code tab}'s name, or null. */
    public static String of(Tab tab) {
        return tab.getProperties().get(KEY) instanceof String s ? s : null;
    }

    /** Matches the nodes named {@code name} (for lookups: {@code robot.lookup(named("batchField"))}). */
    public static <T extends Node> Predicate<T> named(String name) {
        return node -> name.equals(of(node));
    }

    /** The first node named {@code name} in {@code root}'s scene graph, root first, depth first (as {@code lookup}); or null. */
    public static Node find(Node root, String name) {
        if (name.equals(of(root))) {
            return root;
        }
        if (root instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Node found = find(child, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
