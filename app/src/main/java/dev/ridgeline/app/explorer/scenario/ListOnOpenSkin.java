package dev.ridgeline.app.explorer.scenario;

import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;

/**
 * A picker's skin whose drop-down list joins a scene only when it first opens. JavaFX's own skin keeps the list among
 * the picker's children from the start (so that CSS reaches it before it opens), and measuring the picker's width then
 * styles a cell for every item: for the scenario panel's eleven pickers, a list view, its flow and its cells each,
 * styled and laid out before the window's first frame for lists nobody has opened yet. Without them the picker takes
 * the width its container gives it (the panel's pickers fill their column); the list is styled in its popup's scene
 * when it opens, and follows the picker's items and value meanwhile as before (the skin's listeners are unchanged).
 */
final class ListOnOpenSkin<T> extends ComboBoxListViewSkin<T> {
    ListOnOpenSkin(ComboBox<T> box) {
        super(box);
        getChildren().remove(getPopupContent());
    }
}
