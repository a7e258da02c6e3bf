package io.nightwatch.ui.controls;

import io.nightwatch.text.Texts;
import io.nightwatch.store.AlertState;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Paints an {@link AlertTimeline} on one Canvas: a caption and a legend on top, the lanes of bars with a faint grid at
 * the ticks, the time axis below with "now" at the right edge. Repainted when the bars, the range, the selection, a
 * colour or the size change; never per pulse.
 */
public class AlertTimelineSkin extends SkinBase<AlertTimeline> {

    private static final Texts T = Texts.of(AlertTimelineSkin.class);

    static final double HEADER = 22;
    static final double AXIS = 18;
    static final double RIGHT_PAD = 12;
    static final double MIN_LANE = 8;
    static final double MAX_LANE = 15;
    static final double LANE_GAP = 3;
    private static final Font AXIS_FONT = Font.font(11);
    private static final Font CAPTION_FONT = Font.font(null, FontWeight.BOLD, 12.5);
    private static final Font LEGEND_FONT = Font.font(11.5);

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private final ChangeListener<Object> repaint = (o, old, now) -> {
        if (!Objects.equals(old, now)) paint();
    };
    private final ChangeListener<Object> restyle = (o, old, now) -> {
        if (Objects.equals(old, now)) return;
        styleChanged = true;
        getSkinnable().requestLayout();
    };
    private final List<ObservableValue<?>> data;
    private final List<ObservableValue<?>> style;
    private TimelineLayout.Layout layout = TimelineLayout.Layout.EMPTY;
    private double laneHeight = MAX_LANE;
    private boolean styleChanged;
    private boolean tooltipShown;

    public AlertTimelineSkin(AlertTimeline timeline) {
        super(timeline);
        canvas.setManaged(false);
        getChildren().add(canvas);
        data = List.of(timeline.barsProperty(), timeline.fromProperty(), timeline.toProperty(), timeline.zoneProperty(),
                timeline.selectedIdProperty(), timeline.captionProperty());
        style = new ArrayList<>(timeline.paints());
        data.forEach(o -> o.addListener(repaint));
        style.forEach(o -> o.addListener(restyle));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> barAt(e.getX(), e.getY())
                .ifPresent(p -> getSkinnable().setSelectedId(p.bar().id())));
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(barAt(e.getX(), e.getY())));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(Optional.empty()));
    }

    TimelineLayout.Layout layout() { return layout; }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        canvas.relocate(x, y);
        if (canvas.getWidth() != w || canvas.getHeight() != h || styleChanged) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
    }

    private void paint() {
        AlertTimeline t = getSkinnable();
        if (t == null) return;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) return;
        styleChanged = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);

        double plotWidth = Math.max(0, w - RIGHT_PAD);
        double area = Math.max(MIN_LANE, h - HEADER - AXIS - 4);
        int maxLanes = Math.max(1, (int) ((area + LANE_GAP) / (MIN_LANE + LANE_GAP)));
        layout = TimelineLayout.layout(t.getBars(), t.getFrom(), t.getTo(), plotWidth, maxLanes, t.getZone());
        int shownLanes = Math.max(4, layout.lanes());
        laneHeight = Math.min(MAX_LANE, (area - LANE_GAP * (shownLanes - 1)) / shownLanes);

        double top = HEADER;
        double bottom = h - AXIS;
        g.setStroke(t.getGrid());
        g.setLineWidth(1);
        for (TimelineLayout.Tick tick : layout.ticks()) {
            double x = Math.floor(tick.x()) + 0.5;
            g.setGlobalAlpha(tick.major() ? 0.9 : 0.5);
            g.strokeLine(x, top, x, bottom);
        }
        g.setGlobalAlpha(1);
        g.strokeLine(0, Math.floor(bottom) + 0.5, w, Math.floor(bottom) + 0.5);

        long selected = t.getSelectedId();
        TimelineLayout.Placed chosen = null;
        for (TimelineLayout.Placed p : layout.placed()) {
            double y = top + p.lane() * (laneHeight + LANE_GAP);
            drawBar(g, t, p, y);
            if (p.bar().id() == selected) chosen = p;
        }
        if (chosen != null) {
            double y = top + chosen.lane() * (laneHeight + LANE_GAP);
            g.setStroke(t.getSelection());
            g.setLineWidth(2);
            g.setLineDashes();
            g.strokeRect(chosen.x0() - 2, y - 2, chosen.x1() - chosen.x0() + 4 + (chosen.bar().open() ? RIGHT_PAD - 2 : 0), laneHeight + 4);
        }

        // "now" at the right edge of the plot
        g.setStroke(t.getText());
        g.setLineWidth(1);
        g.setGlobalAlpha(0.7);
        double now = Math.floor(plotWidth) + 0.5;
        g.strokeLine(now, top - 2, now, bottom + 3);
        g.setGlobalAlpha(1);

        drawAxis(g, t, w, bottom);
        drawHeader(g, t, w);
    }

    private void drawBar(GraphicsContext g, AlertTimeline t, TimelineLayout.Placed p, double y) {
        TimelineLayout.Bar bar = p.bar();
        Paint colour = colourOf(t, bar.severity());
        double x = p.x0();
        double width = Math.max(1, p.x1() - p.x0());
        g.setGlobalAlpha(alphaOf(bar.state()));
        pattern(g, bar.severity(), colour, x, y, width, laneHeight);
        if (bar.state() == AlertState.SUPPRESSED || bar.state() == AlertState.PENDING) {
            // not (yet) paging anyone: a dashed frame in the text colour says so whatever the severity
            g.setStroke(t.getText());
            g.setLineWidth(1);
            g.setLineDashes(3, 2);
            g.strokeRect(x + 0.5, y + 0.5, width - 1, laneHeight - 1);
            g.setLineDashes();
        }
        g.setGlobalAlpha(1);
        if (bar.open()) {
            // an arrow past "now": still going
            double ax = p.x1() + 2;
            double mid = y + laneHeight / 2;
            double half = Math.min(5, laneHeight / 2);
            g.setFill(colour);
            g.fillPolygon(new double[] {ax, ax + RIGHT_PAD - 4, ax}, new double[] {mid - half, mid, mid + half}, 3);
        }
    }

    /** Critical solid, warning hatched, info outlined on a light tint, anything else dashed: not colour alone. */
    static void pattern(GraphicsContext g, Severity severity, Paint colour, double x, double y, double w, double h) {
        double alpha = g.getGlobalAlpha();
        g.setLineDashes();
        switch (severity) {
            case CRITICAL -> {
                g.setFill(colour);
                g.fillRect(x, y, w, h);
            }
            case WARNING -> {
                g.setFill(colour);
                g.setGlobalAlpha(alpha * 0.35);
                g.fillRect(x, y, w, h);
                g.setGlobalAlpha(alpha);
                g.save();
                g.beginPath();
                g.rect(x, y, w, h);
                g.clip();
                g.setStroke(colour);
                g.setLineWidth(1.6);
                g.setLineCap(StrokeLineCap.BUTT);
                for (double sx = x - h; sx < x + w; sx += 5) g.strokeLine(sx, y + h, sx + h, y);
                g.restore();
                g.setStroke(colour);
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y + 0.5, Math.max(0, w - 1), h - 1);
            }
            case INFO -> {
                g.setFill(colour);
                g.setGlobalAlpha(alpha * 0.2);
                g.fillRect(x, y, w, h);
                g.setGlobalAlpha(alpha);
                g.setStroke(colour);
                g.setLineWidth(1.5);
                g.strokeRect(x + 0.75, y + 0.75, Math.max(0, w - 1.5), h - 1.5);
            }
            case OTHER -> {
                g.setStroke(colour);
                g.setLineWidth(1.5);
                g.setLineDashes(4, 2);
                g.strokeRect(x + 0.75, y + 0.75, Math.max(0, w - 1.5), h - 1.5);
                g.setLineDashes();
            }
        }
    }

    private static double alphaOf(AlertState state) {
        if (state == null) return 1;
        return switch (state) {
            case FIRING -> 1;
            case PENDING, SUPPRESSED -> 0.7;
            case RESOLVED -> 0.45;
        };
    }

    private static Paint colourOf(AlertTimeline t, Severity severity) {
        return switch (severity) {
            case CRITICAL -> t.getCritical();
            case WARNING -> t.getWarning();
            case INFO -> t.getInfo();
            case OTHER -> t.getOther();
        };
    }

    private void drawAxis(GraphicsContext g, AlertTimeline t, double w, double bottom) {
        g.setFill(t.getText());
        g.setFont(AXIS_FONT);
        g.setTextBaseline(VPos.TOP);
        String now = T.get("timeline.now");
        double nowWidth = width(now, AXIS_FONT);
        double nowX = Math.max(0, w - RIGHT_PAD - nowWidth / 2);
        double lastEnd = -1;
        for (TimelineLayout.Tick tick : layout.ticks()) {
            double tw = width(tick.label(), AXIS_FONT);
            double left = tick.x() - tw / 2;
            if (left < 0 || left + tw > nowX - 6 || left < lastEnd + 6) continue;
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(tick.label(), left, bottom + 3);
            lastEnd = left + tw;
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(now, Math.min(nowX, w - nowWidth), bottom + 3);
    }

    private void drawHeader(GraphicsContext g, AlertTimeline t, double w) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double mid = HEADER / 2 - 2;
        // the legend, right-aligned: swatch + word per severity, then what "pale" means
        String[] words = {T.get("timeline.legend.critical"), T.get("timeline.legend.warning"), T.get("timeline.legend.info"),
                T.get("timeline.legend.resolved")};
        Severity[] kinds = {Severity.CRITICAL, Severity.WARNING, Severity.INFO,
                Severity.CRITICAL};
        double swatch = 16;
        double x = w - RIGHT_PAD;
        double[] starts = new double[words.length];
        for (int i = words.length - 1; i >= 0; i--) {
            x -= width(words[i], LEGEND_FONT);
            x -= swatch + 5;
            starts[i] = x;
            x -= 14;
        }
        double legendStart = x;
        g.setFont(LEGEND_FONT);
        for (int i = 0; i < words.length; i++) {
            g.setGlobalAlpha(i == 3 ? alphaOf(AlertState.RESOLVED) : 1);
            pattern(g, kinds[i], colourOf(t, kinds[i]), starts[i], mid - 5, swatch, 10);
            g.setGlobalAlpha(1);
            g.setFill(t.getText());
            g.fillText(words[i], starts[i] + swatch + 5, mid);
        }
        String caption = t.getCaption();
        if (layout.hidden() > 0) caption += " · " + T.get("timeline.hidden", layout.hidden());
        g.setFont(CAPTION_FONT);
        g.setFill(t.getSelection());
        double room = legendStart - 8;
        if (room > 40) {
            String shown = caption;
            while (shown.length() > 4 && width(shown, CAPTION_FONT) > room) shown = shown.substring(0, shown.length() - 2);
            if (!shown.equals(caption)) shown = shown.substring(0, Math.max(0, shown.length() - 1)) + "…";
            g.fillText(shown, 0, mid);
        }
    }

    private Optional<TimelineLayout.Placed> barAt(double x, double y) {
        if (y < HEADER - 2) return Optional.empty();
        int lane = (int) Math.floor((y - HEADER) / (laneHeight + LANE_GAP));
        if (lane < 0 || lane >= layout.lanes()) return Optional.empty();
        return layout.hit(Math.min(x, canvas.getWidth() - RIGHT_PAD), lane);
    }

    private void hover(Optional<TimelineLayout.Placed> bar) {
        if (bar.isPresent()) {
            tooltip.setText(bar.get().bar().label());
            if (!tooltipShown) Tooltip.install(canvas, tooltip);
            tooltipShown = true;
        } else if (tooltipShown) {
            Tooltip.uninstall(canvas, tooltip);
            tooltipShown = false;
        }
    }

    private static double width(String s, Font font) {
        Text text = new Text(s);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return left + AlertTimeline.DEFAULT_WIDTH + right;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + AlertTimeline.DEFAULT_HEIGHT + bottom;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + 120 + right;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return top + HEADER + AXIS + 3 * MIN_LANE + bottom;
    }

    @Override
    public void dispose() {
        if (getSkinnable() == null) return;
        data.forEach(o -> o.removeListener(repaint));
        style.forEach(o -> o.removeListener(restyle));
        super.dispose();
    }
}
