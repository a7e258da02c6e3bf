package io.nightwatch.ui.controls;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;

/**
 * The icon of an alert's severity, distinct in shape: CRITICAL an octagon with a bang, WARNING a triangle with a bang,
 * INFO a circle with an "i", anything else a circle with a dash. Shares {@link StateGlyph}'s style classes
 * ({@code .state-glyph > .badge}, {@code > .mark}) and adds {@code .severity-glyph} with {@code :critical :warning
 * :info :other}.
 */
public class SeverityGlyph extends StackPane {

    private static final String CIRCLE = "M12 1 A11 11 0 1 1 11.99 1 Z";
    private static final String TRIANGLE = "M12 1.2 L23.4 21.8 L0.6 21.8 Z";
    private static final String OCTAGON = "M7.4 1 L16.6 1 L23 7.4 L23 16.6 L16.6 23 L7.4 23 L1 16.6 L1 7.4 Z";
    private static final String BANG = "M12 6.4 L12 13.2 M12 16.8 L12 17.1";
    private static final String TRIANGLE_BANG = "M12 8 L12 14.2 M12 17.6 L12 17.9";
    private static final String INFO = "M12 10.6 L12 17 M12 7 L12 7.3";
    private static final String DASH = "M7.5 12 L16.5 12";

    private final SVGPath badge = new SVGPath();
    private final SVGPath mark = new SVGPath();
    private final ObjectProperty<AlertStyles.Severity> severity = new SimpleObjectProperty<>(this, "severity") {
        @Override
        protected void invalidated() {
            draw(get());
        }
    };

    public SeverityGlyph() {
        getStyleClass().addAll("state-glyph", "severity-glyph");
        badge.getStyleClass().add("badge");
        mark.getStyleClass().add("mark");
        getChildren().addAll(badge, mark);
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setSeverity(AlertStyles.Severity.OTHER);
    }

    public SeverityGlyph(AlertStyles.Severity initial) {
        this();
        setSeverity(initial);
    }

    private void draw(AlertStyles.Severity s) {
        AlertStyles.Severity shown = s == null ? AlertStyles.Severity.OTHER : s;
        AlertStyles.apply(this, shown);
        switch (shown) {
            case CRITICAL -> paths(OCTAGON, BANG);
            case WARNING -> paths(TRIANGLE, TRIANGLE_BANG);
            case INFO -> paths(CIRCLE, INFO);
            case OTHER -> paths(CIRCLE, DASH);
        }
    }

    private void paths(String outline, String symbol) {
        badge.setContent(outline);
        mark.setContent(symbol);
    }

    public ObjectProperty<AlertStyles.Severity> severityProperty() { return severity; }
    public AlertStyles.Severity getSeverity() { return severity.get(); }
    public void setSeverity(AlertStyles.Severity value) { severity.set(value); }
}
