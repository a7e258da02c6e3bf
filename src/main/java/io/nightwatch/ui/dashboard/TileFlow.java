package io.nightwatch.ui.dashboard;

import io.nightwatch.text.Texts;
import io.nightwatch.flow.ContainerErrors;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.flow.FlowState;
import io.nightwatch.ui.flow.Figures;
import io.nightwatch.flow.Series;
import io.nightwatch.flow.StageCatalog;
import io.nightwatch.flow.StageStatus;
import io.nightwatch.ui.flow.ErrorWording;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tile shows of the data flow, already worded: its headline stage's sparkline and figure
 * ({@link StageCatalog#headline}), and its container's error-level log lines. An immutable value, replaced whole.
 *
 * @param trendTitle  the headline stage's title, e.g. "Prometheus samples appended"; empty when the kind has none
 * @param value       the current figure as read ("1.2k samples/s"), or the state's word when that says more
 * @param errorSummary "3 error lines/min", "no error lines", ...; empty when the log is not followed
 */
public record TileFlow(String trendTitle, FlowState state, String value, String detail, Series history, Duration span,
                       String errorSummary, boolean errorsActive, List<String> errorLines) {

    private static final Texts T = Texts.of(TileFlow.class);

    public static final TileFlow NONE = new TileFlow("", FlowState.UNKNOWN, "", "", Series.EMPTY, null, "", false, List.of());

    public TileFlow {
        errorLines = List.copyOf(errorLines);
    }

    public boolean hasTrend() { return !trendTitle.isEmpty(); }

    /** One value per service id found in {@code snapshot}: the headline stage joined with the container's errors. */
    public static Map<String, TileFlow> byService(FlowSnapshot snapshot) {
        Map<String, StageStatus> headlines = new HashMap<>();
        for (StageStatus stage : snapshot.stages()) {
            boolean headline = StageCatalog.headline(stage.spec().kind()).map(h -> h.key().equals(stage.spec().key())).orElse(false);
            if (headline) headlines.putIfAbsent(stage.serviceId(), stage);
        }
        Map<String, ContainerErrors> errors = new HashMap<>();
        snapshot.logErrors().forEach(e -> errors.putIfAbsent(e.serviceId(), e));
        Duration span = snapshot.settings().history();
        Map<String, TileFlow> result = new HashMap<>();
        for (String id : union(headlines.keySet(), errors.keySet())) {
            result.put(id, of(headlines.get(id), errors.get(id), span));
        }
        return result;
    }

    static TileFlow of(StageStatus headline, ContainerErrors errors, Duration span) {
        String title = headline == null ? "" : io.nightwatch.flow.StageCatalog.title(headline.spec());
        FlowState state = headline == null ? FlowState.UNKNOWN : headline.state();
        String value = headline == null ? "" : headline.value().isPresent()
                ? Figures.format(headline.value().getAsDouble(), headline.spec().unit()) : T.get("flow.noFigures");
        if (state == FlowState.STALLED) value = io.nightwatch.ui.controls.Styles.FLOW.label(FlowState.STALLED);
        String detail = headline == null ? "" : headline.detail();
        Series history = headline == null ? Series.EMPTY : headline.history();
        String errorSummary = errors == null ? "" : ErrorWording.summary(errors);
        boolean active = errors != null && ErrorWording.active(errors);
        List<String> lines = errors == null ? List.of() : errors.lastLines();
        return new TileFlow(title, state, value, detail, history, span, errorSummary, active, lines);
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
