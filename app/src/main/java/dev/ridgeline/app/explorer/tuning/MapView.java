package dev.ridgeline.app.explorer.tuning;

import dev.ridgeline.app.Names;
import dev.ridgeline.app.explorer.charts.LiveViewer;
import dev.ridgeline.engine.model.Chip;
import dev.ridgeline.engine.space.FieldMap;
import dev.ridgeline.engine.space.Knob;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Map view: two field pickers, the heat map with contours of the headline over the grid of the two fields, the
 * current chip and the catalogue's chips marked, the target contour drawn; a note with the headline at the current
 * chip (the centre cell) and the chips outside the map.
 */
public final class MapView extends BorderPane {
    private final MapModel model;
    private final TuningInputs inputs;
    private final Supplier<List<Chip>> catalogue;
    private final JFreeChart chart = MapChart.createChart();
    private final ChartViewer viewer = LiveViewer.of(chart);
    private final ComboBox<Knob> xPicker = picker("mapX");
    private final ComboBox<Knob> yPicker = picker("mapY");
    private final Label note = new Label();

    MapView(MapModel model, TuningInputs inputs, Supplier<List<Chip>> catalogue) {
        this.model = model;
        this.inputs = inputs;
        this.catalogue = catalogue;
        Names.name(this, "mapView");
        xPicker.setValue(model.xProperty().get());
        yPicker.setValue(model.yProperty().get());
        xPicker.setOnAction(e -> pick(xPicker, yPicker, model.xProperty().get(), true));
        yPicker.setOnAction(e -> pick(yPicker, xPicker, model.yProperty().get(), false));
        Label by = new Label("×");
        FlowPane top = new FlowPane(8, 4, new Label("Map of"), xPicker, by, yPicker, new Label("tokens/s"),
                ObjectiveChoice.create("mapObjective", inputs.objectiveProperty()),
                new JobBar("map", model.job(), model::cancel));
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 6, 2, 6));
        Names.name(note, "mapNote");
        note.setWrapText(true);
        note.getStyleClass().addAll("muted-text", "map-note");
        note.setPadding(new Insets(2, 6, 4, 6));
        // the note stays within two lines (the style sheet's .map-note); the whole of it, with the price's source, here
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(note.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        note.setTooltip(whole);
        Names.name(viewer, "map");
        viewer.setMinSize(200, 150);
        setTop(top);
        setCenter(viewer);
        setBottom(note);
        setMinSize(0, 0);
        redraw();
        model.job().resultProperty().addListener((obs, old, r) -> redraw());
        // before the first result: the fields picked and whether the map is being computed
        model.job().runningProperty().addListener(x -> redraw());
        model.xProperty().addListener(x -> redraw());
        model.yProperty().addListener(x -> redraw());
        // the chip labels that share a line depend on the plot's size: relabel on a resize (no recomputation)
        viewer.widthProperty().addListener(x -> redraw());
        viewer.heightProperty().addListener(x -> redraw());
        inputs.minThroughputProperty().addListener(x -> redraw());
        inputs.perNodeProperty().addListener(x -> redraw());
        inputs.maxCostProperty().addListener(x -> redraw());
        inputs.maxEnergyProperty().addListener(x -> redraw());
    }

    private static ComboBox<Knob> picker(String id) {
        ComboBox<Knob> box = new ComboBox<>();
        Names.name(box, id);
        box.getItems().setAll(Knob.fields());
        StringConverter<Knob> names = new StringConverter<>() {
            @Override
            public String toString(Knob k) {
                return k == null ? "" : k.label();
            }

            @Override
            public Knob fromString(String s) {
                return Knob.field(s);
            }
        };
        box.setConverter(names);
        box.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Knob k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : k.label());
            }
        });
        box.setTooltip(new Tooltip("A chip or NIC field, or the chip's price or power: the map spans a quarter to four times its current value."));
        return box;
    }

    /** A pick of the field already on the other axis swaps the two. */
    private void pick(ComboBox<Knob> picked, ComboBox<Knob> other, Knob before, boolean isX) {
        Knob k = picked.getValue();
        if (k == null || k.id() == before.id()) {
            return;
        }
        if (k.id() == other.getValue().id()) {
            other.setValue(before);
            (isX ? model.yProperty() : model.xProperty()).set(before);
        }
        (isX ? model.xProperty() : model.yProperty()).set(k);
    }

    /** Sets both fields (export, tests); they must differ. */
    public void setFields(Knob x, Knob y) {
        if (x.id() == y.id()) {
            throw new IllegalArgumentException("the map needs two different fields, was " + x.name() + " twice");
        }
        xPicker.setValue(x);
        yPicker.setValue(y);
        model.xProperty().set(x);
        model.yProperty().set(y);
    }

    private void redraw() {
        redraw(TuningFigures.plotPx(viewer.getWidth(), viewer.getHeight()));
    }

    /** Redraws the map for the chart's size on screen (after an export drew it for another size). */
    public void drawForView() {
        redraw();
    }

    /** Redraws the map for a chart of {@code width x height} px (an export's size). */
    public void drawFor(double width, double height) {
        redraw(TuningFigures.plotPx(width, height));
    }

    private void redraw(double[] plotPx) {
        FieldMap.Result r = model.job().getResult();
        if (r == null) {
            MapChart.pending(chart, model.xProperty().get(), model.yProperty().get(), model.job().runningProperty().get()
                    ? "Computing the map: the best deployment at the target in every cell ..."
                    : "The map is computed while this view is shown.");
            note.setText("");
            return;
        }
        List<MapChart.Mark> marks = TuningFigures.marks(r, catalogue.get());
        // the goal of the map's own objective (the inputs may have moved on to another until it recomputes)
        double goal = inputs.goalPerCard(r.objective());
        javafx.stage.Window window = getScene() == null ? null : getScene().getWindow();
        MapChart.pixelScale(chart, window == null ? 1 : window.getOutputScaleX());
        MapChart.show(chart, r, marks, goal, plotPx, model.bandWidths());
        note.setText(TuningFigures.note(r, marks, goal));
    }

    /** The heat map (tests read its dataset; export draws it). */
    public JFreeChart chart() {
        return chart;
    }

    /** The map on display, or null before the first. */
    public FieldMap.Result result() {
        return model.job().getResult();
    }

    /** The note under the map: the headline at the current chip, the target, the chips outside. */
    public String noteText() {
        return note.getText();
    }
}
