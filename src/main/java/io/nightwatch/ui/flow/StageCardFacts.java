package io.nightwatch.ui.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.flow.CanaryResult;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Pipeline;
import io.nightwatch.flow.Series;
import io.nightwatch.flow.StageCatalog;
import io.nightwatch.flow.StageRole;
import io.nightwatch.flow.StageSpec;
import io.nightwatch.flow.StageStatus;
import io.nightwatch.text.Formats;
import io.nightwatch.stack.ServiceSpec;

import java.time.Duration;
import java.util.Comparator;

/**
 * What one card of a pipeline lane shows, already worded: a stage of one service, or a canary round trip.
 *
 * @param id        {@link StageStatus#id()} for a stage, "canary:" + service id + "#" + name for a canary
 * @param value     the current figure ("1.2k", "3.1", "1.4 s", "did not arrive")
 * @param unit      what it counts, shown smaller beside it ("samples/s", "MiB", "round trip")
 * @param detail    one line: why STALLED, what failed, per-label breakdown, or the sparkline's peak
 * @param step      whether data moves into this card from the one before (an arrow); failure counters, levels
 *                  and canaries are side figures, drawn without one
 * @param hostOrder the host's place in the profile, so each host's pipeline reads left to right
 * @param order     the stage's place in the catalogue; canaries come after every stage
 */
public record StageCardFacts(String id, Pipeline pipeline, String title, String service, String host, boolean canary,
                             FlowState state, String value, String unit, String detail, Series history, Duration span, boolean step,
                             int hostOrder, int order) {

    private static final Texts T = Texts.of(StageCardFacts.class);

    /** What a card says before its first reading. */
    static String waitingWords() {
        return T.get("stage.waiting");
    }

    /** Cards in lane order: host by host, then as data flows (catalogue order), canaries last. */
    static final Comparator<StageCardFacts> LANE_ORDER = Comparator.comparingInt(StageCardFacts::hostOrder)
            .thenComparingInt(StageCardFacts::order).thenComparing(StageCardFacts::service).thenComparing(StageCardFacts::id);

    static StageCardFacts of(StageStatus stage, Duration span, int hostOrder) {
        StageSpec spec = stage.spec();
        String[] figure = stage.value().isPresent()
                ? Figures.split(Figures.format(stage.value().getAsDouble(), spec.unit())) : new String[] {T.get("stage.noFigures"), ""};
        String detail = stage.detail();
        if (detail == null || detail.isBlank()) detail = peak(stage.history(), spec.unit(), span);
        return new StageCardFacts(stage.id(), spec.pipeline(), StageCatalog.title(spec), stage.serviceName(), stage.host(), false,
                stage.state(), figure[0], figure[1], detail, stage.history(), span, isStep(spec), hostOrder, catalogOrder(spec));
    }

    /** Before any reading: the profile says the stage exists, nothing is known yet. */
    static StageCardFacts waiting(ServiceSpec service, StageSpec spec, Duration span, int hostOrder) {
        return new StageCardFacts(service.id() + "#" + spec.key(), spec.pipeline(), StageCatalog.title(spec), service.name(),
                service.host(), false, FlowState.UNKNOWN, "–", "", waitingWords(), Series.EMPTY, span, isStep(spec), hostOrder,
                catalogOrder(spec));
    }

    /** A canary in the lane it proves; its trail of round trips (seconds, NaN when nothing arrived) is the line. */
    static StageCardFacts of(CanaryResult canary, Pipeline lane, String serviceName, String host, Series trail,
                             Duration span, int hostOrder) {
        String value = canary.roundTrip().map(Formats::duration)
                .orElseGet(() -> T.get(canary.state() == FlowState.STALLED ? "canary.notArrived" : "canary.noAnswer"));
        String unit = canary.roundTrip().isPresent() ? T.get("canary.roundTrip") : "";
        String detail = canary.detail() == null || canary.detail().isBlank()
                ? T.get("canary.checked", canary.at()) : canary.detail();
        return new StageCardFacts(canaryId(canary), lane, canaryTitle(canary.name()), serviceName, host, true, canary.state(), value,
                unit, detail, trail, span, false, hostOrder, Integer.MAX_VALUE);
    }

    /** "Loki log canary" in the current language (the name itself is part of the canary's id). */
    static String canaryTitle(String name) {
        String key = "canary." + name.replace(' ', '_');
        return T.has(key) ? T.get(key) : name;
    }

    static String canaryId(CanaryResult canary) {
        return "canary:" + canary.serviceId() + "#" + canary.name();
    }

    /** The figure as one phrase: "1.2k samples/s", "1.4 s round trip". */
    public String figure() {
        return unit.isEmpty() ? value : value + " " + unit;
    }

    /** "service · host", what the card's second line says. */
    public String origin() {
        return host.isEmpty() ? service : service + " · " + host;
    }

    private static boolean isStep(StageSpec spec) {
        return spec.role() == StageRole.THROUGHPUT || spec.role() == StageRole.QUIET_THROUGHPUT;
    }

    private static int catalogOrder(StageSpec spec) {
        int index = StageCatalog.all().indexOf(spec);
        return index < 0 ? Integer.MAX_VALUE - 1 : index;
    }

    /** Says what the top of the sparkline stands for, when the core has nothing else to say. */
    static String peak(Series history, String unit, Duration span) {
        if (history.size() == 0) return "";
        String peak = Figures.format(history.max(), unit);
        return span == null ? T.get("stage.peak", peak) : T.get("stage.peakIn", peak, Formats.duration(span));
    }
}
