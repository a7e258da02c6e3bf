package io.nightwatch.ui.controls;

import io.nightwatch.flow.FlowState;
import io.nightwatch.health.HealthState;
import io.nightwatch.store.AlertState;
import io.nightwatch.ui.fx.EnumStyles;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a kind of {@link Glyph} draws for each state, in one table per kind; the shapes are 24×24 SVG paths.
 *
 * @param styleClasses the glyph's style classes ({@code state-glyph flow-glyph})
 * @param outlineClass the filled part's style class; {@code markClass} the stroked one's
 * @param whenNull     the state drawn for null (null: the {@link #EMPTY} shape, no pseudo-class)
 */
public record GlyphTable<E extends Enum<E>>(List<String> styleClasses, String outlineClass, String markClass,
                                            EnumStyles<E> styles, E whenNull, Map<E, Shape> shapes) {

    /** An outline (filled) and a mark (stroked) on it. */
    public record Shape(String outline, String mark) {}

    private static final String CIRCLE = "M12 1 A11 11 0 1 1 11.99 1 Z";
    private static final String RING = "M12 2.5 A9.5 9.5 0 1 1 11.99 2.5 Z";
    private static final String TRIANGLE = "M12 1.2 L23.4 21.8 L0.6 21.8 Z";
    private static final String OCTAGON = "M7.4 1 L16.6 1 L23 7.4 L23 16.6 L16.6 23 L7.4 23 L1 16.6 L1 7.4 Z";
    private static final String DIAMOND = "M12 0.6 L23.4 12 L12 23.4 L0.6 12 Z";
    private static final String BELL_OUTLINE = "M12 2.2 C8.3 2.2 6.2 5 6.2 8.5 L6.2 13.4 L3.8 17.2 L20.2 17.2 L17.8 13.4 L17.8 8.5 "
            + "C17.8 5 15.7 2.2 12 2.2 Z M9.5 18.6 A2.5 2.5 0 0 0 14.5 18.6 Z";

    private static final String TICK = "M6.6 12.4 L10.4 16.2 L17.6 8.4";
    private static final String BANG = "M12 8 L12 14.2 M12 17.6 L12 17.9";
    private static final String TALL_BANG = "M12 6.4 L12 13.2 M12 16.8 L12 17.1";
    private static final String CROSS = "M8 8 L16 16 M16 8 L8 16";
    private static final String QUESTION = "M9.2 9.4 C9.2 5.6 14.8 5.6 14.8 9.2 C14.8 11.6 12 11.8 12 14.2 M12 17.6 L12 17.9";
    private static final String ARROW = "M6.5 12 L17 12 M12.6 7.4 L17.2 12 L12.6 16.6";
    private static final String DASH = "M7.5 12 L16.5 12";
    private static final String BAR = "M6.2 12 L17.8 12";
    private static final String INFO = "M12 10.6 L12 17 M12 7 L12 7.3";
    private static final String CLOCK = "M12 6 L12 12 L16 14.4";
    private static final String STRIKE = "M6.4 17.6 L17.6 6.4";
    private static final String CHEVRON = "M10 7.2 L15 12 L10 16.8";
    private static final String NOTHING = "M12 12 L12 12";
    /** an arrow bending back to the left: "put back" */
    private static final String BACK = "M9.5 6.8 L6.2 10 L9.5 13.2 M6.6 10 L13.4 10 C18.2 10 18.2 17.2 13.4 17.2 L10.6 17.2";
    private static final String SHORT_DASH = "M8 12 L16 12";
    private static final String BELL_BANG = "M12 6.4 L12 11.4 M12 14.2 L12 14.4";
    private static final String BELL_SLASH = "M3.2 2.8 L20.8 21.2";

    /** Drawn for null where the table has no stand-in. */
    public static final Shape EMPTY = new Shape(CIRCLE, "");

    public static final GlyphTable<HealthState> HEALTH = of(List.of("state-glyph"), Styles.HEALTH, HealthState.UNKNOWN, HealthState.class,
            HealthState.UP, new Shape(CIRCLE, TICK),
            HealthState.DEGRADED, new Shape(TRIANGLE, BANG),
            HealthState.DOWN, new Shape(OCTAGON, CROSS),
            HealthState.UNKNOWN, new Shape(CIRCLE, QUESTION),
            HealthState.NOT_DEPLOYED, new Shape(RING, SHORT_DASH));

    public static final GlyphTable<FlowState> FLOW = of(List.of("state-glyph", "flow-glyph"), Styles.FLOW, FlowState.UNKNOWN, FlowState.class,
            FlowState.FLOWING, new Shape(CIRCLE, ARROW),
            FlowState.IDLE, new Shape(CIRCLE, DASH),
            FlowState.STALLED, new Shape(OCTAGON, BAR),
            FlowState.UNKNOWN, new Shape(CIRCLE, QUESTION));

    public static final GlyphTable<Severity> SEVERITY = of(List.of("state-glyph", "severity-glyph"), Styles.SEVERITY, Severity.OTHER, Severity.class,
            Severity.CRITICAL, new Shape(OCTAGON, TALL_BANG),
            Severity.WARNING, new Shape(TRIANGLE, BANG),
            Severity.INFO, new Shape(CIRCLE, INFO),
            Severity.OTHER, new Shape(CIRCLE, DASH));

    public static final GlyphTable<AlertState> ALERT_STATE = of(List.of("state-glyph", "alert-state-glyph"), Styles.ALERT_STATE, null, AlertState.class,
            AlertState.FIRING, new Shape(DIAMOND, TALL_BANG),
            AlertState.PENDING, new Shape(CIRCLE, CLOCK),
            AlertState.SUPPRESSED, new Shape(CIRCLE, STRIKE),
            AlertState.RESOLVED, new Shape(CIRCLE, TICK));

    public static final GlyphTable<Bell> BELL = new GlyphTable<>(List.of("bell-glyph"), "bell", "bell-mark",
            EnumStyles.of(Bell.class, Bell.QUIET), Bell.QUIET, shapes(Bell.class,
            Bell.QUIET, new Shape(BELL_OUTLINE, ""),
            Bell.RINGING, new Shape(BELL_OUTLINE, BELL_BANG),
            Bell.MUTED, new Shape(BELL_OUTLINE, BELL_SLASH)));

    /**
     * The shapes of a wizard step's states, by name, for tables outside this package: an outline ring waits, a
     * chevron runs, a tick is done, an octagon with a cross failed, a curved arrow undoes or was undone, a triangle
     * with a bang means undoing failed, a ring with a dash never ran.
     */
    public static final Map<String, Shape> STEP_SHAPES = Map.of(
            "waiting", new Shape(RING, NOTHING),
            "running", new Shape(CIRCLE, CHEVRON),
            "done", new Shape(CIRCLE, TICK),
            "failed", new Shape(OCTAGON, CROSS),
            "back", new Shape(CIRCLE, BACK),
            "undo-failed", new Shape(TRIANGLE, BANG),
            "not-run", new Shape(RING, SHORT_DASH));

    public GlyphTable {
        styleClasses = List.copyOf(styleClasses);
        shapes = Map.copyOf(shapes);
    }

    /** A table with the usual parts ({@code .badge}, {@code .mark}). */
    public static <E extends Enum<E>> GlyphTable<E> of(List<String> styleClasses, EnumStyles<E> styles, E whenNull, Map<E, Shape> shapes) {
        return new GlyphTable<>(styleClasses, "badge", "mark", styles, whenNull, shapes);
    }

    Shape shape(E state) {
        // a state added to the core before it has a shape here is drawn as the stand-in, not as a crash
        Shape standIn = whenNull == null ? EMPTY : shapes.getOrDefault(whenNull, EMPTY);
        return state == null ? standIn : shapes.getOrDefault(state, standIn);
    }

    private static <E extends Enum<E>> GlyphTable<E> of(List<String> styleClasses, EnumStyles<E> styles, E whenNull, Class<E> type,
                                                       Object... stateThenShape) {
        return of(styleClasses, styles, whenNull, shapes(type, stateThenShape));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Enum<E>> Map<E, Shape> shapes(Class<E> type, Object... stateThenShape) {
        Map<E, Shape> map = new EnumMap<>(type);
        for (int i = 0; i < stateThenShape.length; i += 2) map.put((E) stateThenShape[i], (Shape) stateThenShape[i + 1]);
        return map;
    }
}
