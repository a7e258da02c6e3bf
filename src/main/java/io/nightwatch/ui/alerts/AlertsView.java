package io.nightwatch.ui.alerts;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.health.HealthState;
import io.nightwatch.ui.controls.AlertTimeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Alerts view: banner, filter bar (range presets, severity, state, service, free text), the timeline strip, and
 * below it the table with the Silences list, beside the selected alert's detail. Nodes and layout only; the dialogs
 * it opens hand their answers to the model.
 */
public final class AlertsView extends VBox {

    private static final Texts T = Texts.of(AlertsView.class);
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final double SHORT = 560;

    private final AlertsViewModel model;
    private final AlertTimeline timeline = new AlertTimeline();
    private final AlertTable table;

    /** @param openUrl opens a rule's link (the app's browser; a copy to the clipboard where there is none) */
    public AlertsView(AlertsViewModel model, Consumer<String> openUrl) {
        this.model = model;
        getStyleClass().add("alerts-view");
        setId("alerts-view");

        HBox banner = banner();
        HBox filters = filterBar();
        Label status = new Label();
        status.getStyleClass().add("alerts-status");
        status.setId("alerts-status");
        status.setWrapText(true);
        model.statusProperty().addListener((o, old, now) -> {
            status.setText(now.text());
            status.pseudoClassStateChanged(PROBLEM, now.problem());
        });
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        timeline.setId("alert-timeline");
        timeline.setZone(model.zone());
        timeline.captionProperty().bind(model.timelineCaptionProperty());
        // the range ends at "now", so every refresh brings new facts: a hidden view draws them once it is shown
        model.timelineProperty().addListener((o, old, facts) -> { if (model.shownProperty().get()) showTimeline(); });
        model.shownProperty().addListener((o, was, shown) -> { if (shown) showTimeline(); });
        timeline.selectedIdProperty().bindBidirectional(model.selectedIdProperty());

        table = new AlertTable(model);
        SilencesView silences = new SilencesView(model);
        SplitPane left = new SplitPane(table, silences);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.66);
        // on a short window (900×600) the alerts need the rows more than the silences do: they get four fifths
        heightProperty().addListener((o, was, now) -> {
            boolean shortNow = now.doubleValue() < SHORT, shortBefore = was.doubleValue() < SHORT;
            if (shortNow != shortBefore) left.setDividerPositions(shortNow ? 0.8 : 0.66);
        });
        left.getStyleClass().add("alerts-left");
        AlertDetailView detail = new AlertDetailView(model, this::acknowledge, this::silence, openUrl);
        SplitPane split = new SplitPane(left, detail);
        split.getStyleClass().add("alerts-split");
        split.setDividerPositions(0.70);
        SplitPane.setResizableWithParent(detail, false);
        VBox.setVgrow(split, Priority.ALWAYS);

        getChildren().addAll(banner, filters, status, timeline, split);
        showTimeline();
    }

    private void showTimeline() {
        AlertsViewModel.TimelineFacts facts = model.timelineProperty().get();
        timeline.show(facts.bars(), facts.from(), facts.to());
    }

    private HBox banner() {
        Label text = new Label();
        text.getStyleClass().add("alerts-banner-text");
        text.setWrapText(true);
        text.textProperty().bind(model.bannerProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE); // wraps rather than cutting the sentence off
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox banner = new HBox(Glyph.health(HealthState.DEGRADED), text);
        banner.getStyleClass().add("alerts-banner");
        banner.setId("alerts-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(model.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox filterBar() {
        HBox ranges = new HBox();
        ranges.getStyleClass().add("range-buttons");
        ToggleGroup group = new ToggleGroup();
        List<ToggleButton> buttons = new ArrayList<>();
        for (TimeRange range : TimeRange.values()) {
            ToggleButton b = new ToggleButton(range.button());
            b.setUserData(range);
            b.setToggleGroup(group);
            b.getStyleClass().add("range-button");
            b.setId("range-" + range.label());
            b.setMinWidth(Region.USE_PREF_SIZE);
            buttons.add(b);
        }
        buttons.get(0).getStyleClass().add("range-first");
        buttons.get(buttons.size() - 1).getStyleClass().add("range-last");
        ranges.getChildren().addAll(buttons);
        buttons.stream().filter(b -> b.getUserData() == model.rangeProperty().get()).findFirst().ifPresent(b -> b.setSelected(true));
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) group.selectToggle(old); // one range is always chosen
            else model.rangeProperty().set((TimeRange) now.getUserData());
        });

        ComboBox<String> severity = new ComboBox<>();
        severity.getItems().setAll("", "critical", "warning", "info");
        severity.setConverter(words(T.get("filter.anySeverity"), AlertWording::severityWord));
        severity.valueProperty().bindBidirectional(model.severityProperty());
        severity.setId("severity-filter");
        severity.getStyleClass().add("alerts-filter");

        ComboBox<StateFilter> state = new ComboBox<>();
        state.getItems().setAll(StateFilter.values());
        state.valueProperty().bindBidirectional(model.stateProperty());
        state.setId("state-filter");
        state.getStyleClass().add("alerts-filter");

        ComboBox<String> service = new ComboBox<>();
        Runnable services = () -> {
            List<String> items = new ArrayList<>();
            items.add("");
            items.addAll(model.getServices());
            if (!items.equals(service.getItems())) {
                String chosen = model.serviceProperty().get();
                service.getItems().setAll(items);
                service.setValue(chosen);
            }
        };
        model.getServices().addListener((ListChangeListener<String>) c -> services.run());
        services.run();
        service.setConverter(words(T.get("filter.anyService"), s -> s));
        service.valueProperty().bindBidirectional(model.serviceProperty());
        service.setId("service-filter");
        service.getStyleClass().add("alerts-filter");

        CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
        search.setPromptText(T.get("filter.search"));
        search.textProperty().bindBidirectional(model.textProperty());
        search.setId("alert-search");
        search.getStyleClass().add("alert-search");
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(360);
        search.setMinWidth(90); // the search field gives way on a narrow window; the choices keep their words
        for (ComboBox<?> choice : List.of(severity, state, service)) choice.setMinWidth(Region.USE_PREF_SIZE);

        Label result = new Label();
        result.getStyleClass().add("alerts-result");
        result.setId("alerts-result");
        result.textProperty().bind(model.resultTextProperty());
        result.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);

        HBox bar = new HBox(ranges, severity, state, service, search, spacer, result);
        bar.getStyleClass().add("alerts-filters");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.disableProperty().bind(Bindings.not(model.availableProperty()));
        return bar;
    }

    /** A choice's words: "Any …" for the empty value, else the value as {@code shown} words it (the model keeps the value). */
    private static StringConverter<String> words(String any, java.util.function.UnaryOperator<String> shown) {
        return new StringConverter<>() {
            @Override public String toString(String value) { return value == null || value.isEmpty() ? any : shown.apply(value); }
            @Override public String fromString(String text) { return text == null || text.equals(any) ? "" : text; }
        };
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void acknowledge(AlertDetail detail) {
        AcknowledgeDialog.open(window(), detail, model.who(), note -> model.acknowledge(detail.id(), note));
    }

    private void silence(AlertDetail detail) {
        SilenceDialog.open(window(), detail, model.who(), r -> model.createSilence(r.matchers(), r.duration(), r.comment()));
    }

    public AlertTimeline timeline() { return timeline; }
    TextField searchField() { return (TextField) lookup("#alert-search"); }
}
