package io.nightwatch.ui.flow;

import io.nightwatch.flow.ContainerErrors;
import io.nightwatch.flow.DiskHeadroom;
import io.nightwatch.flow.FlowSnapshot;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Series;
import io.nightwatch.flow.StageStatus;
import io.nightwatch.health.HealthState;
import io.nightwatch.ui.FakeFlow;
import io.nightwatch.ui.dashboard.TileFlow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How flow figures are worded on cards, volumes, error lines and tiles; plain values, no toolkit. */
class FlowFactsTest {

    private static final FlowSnapshot STALLED = FakeFlow.stalled();
    private static final long GIB = FakeFlow.GIB;

    @Test
    void aStageCardSaysItsFigureUnitAndWhy() {
        StageCardFacts promtail = card("local/promtail#entries-sent");
        assertEquals(FlowState.STALLED, promtail.state());
        assertEquals("0", promtail.value());
        assertEquals("entries/s", promtail.unit());
        assertEquals("nothing for 75 s while promtail is up", promtail.detail());
        assertEquals("promtail · local", promtail.origin());
        assertTrue(promtail.step(), "a throughput stage is a step of the pipeline");
        assertFalse(card("local/promtail#entries-dropped").step(), "a failure counter is a side figure");

        StageCardFacts samples = card("local/prometheus#samples-appended");
        assertEquals("2.4k", samples.value());
        assertTrue(samples.detail().startsWith("peak 2.") && samples.detail().endsWith("samples/s in 15 min"),
                "with nothing else to say the card names its sparkline's top: " + samples.detail());
        assertEquals("12", card("local/redis#clients").value(), "counted levels are whole numbers");
        assertEquals("MiB", card("local/redis#memory").unit());
        assertEquals("no figures", card("local/prometheus#targets-down").value());
    }

    @Test
    void cardsFollowTheDataHostByHostAndCanariesComeLast() {
        List<StageCardFacts> cards = STALLED.stages().stream().map(s -> StageCardFacts.of(s, Duration.ofMinutes(15), 0))
                .sorted(StageCardFacts.LANE_ORDER).filter(c -> c.pipeline() == io.nightwatch.flow.Pipeline.METRICS).toList();
        assertEquals(List.of("local/otel-collector#metric-points-accepted", "local/otel-collector#metric-points-refused",
                "local/otel-collector#metric-points-sent", "local/otel-collector#metric-points-failed",
                "local/prometheus#samples-appended", "local/prometheus#targets-down"), cards.stream().map(StageCardFacts::id).toList());
    }

    @Test
    void errorLinesArePerMinuteOverTheLastMinute() {
        ContainerErrors loki = errors("local/loki");
        assertEquals(3, ErrorWording.perMinute(loki), 1e-9, "three 5 s rounds at 0.2 lines/s");
        assertEquals("3 error lines/min", ErrorWording.summary(loki));
        assertTrue(ErrorWording.active(loki));
        assertEquals("24 error lines/min", ErrorWording.summary(errors("local/promtail")));
        assertEquals("none now · 4 since start", ErrorWording.summary(errors("local/alertmanager")));
        assertEquals("no error lines", ErrorWording.summary(errors("local/redis")));
        ContainerErrors one = new ContainerErrors("x", "x", 0, 1, List.of("boom"), FakeFlow.series(i -> i == FakeFlow.POINTS - 2 ? 0.2 : 0), "");
        assertEquals("1 error line/min", ErrorWording.summary(one));
        ContainerErrors unreadable = new ContainerErrors("x", "x", 0, 0, List.of(), Series.EMPTY, "log stream: engine unreachable");
        assertEquals("log not readable", ErrorWording.summary(unreadable));
        assertEquals("last 5 lines ›", ErrorFacts.of(errors("local/loki"), "loki", "local", 0).openText());
        assertEquals("", ErrorFacts.of(errors("local/redis"), "redis", "local", 0).openText());
    }

    @Test
    void aDataVolumeSaysFreeOfSizeAndWhenItIsFull() {
        DiskFacts loki = disk("local/loki");
        assertEquals("1.6 GiB free of 20 GiB (8 %)", loki.freeText());
        assertEquals("full in ~14 h", loki.timeToFull());
        assertEquals(HealthState.DOWN, loki.level(), "under 10 % free and full within a day");
        assertEquals(0.92, loki.usedFraction(), 1e-9);
        assertEquals(HealthState.DEGRADED, disk("local/prometheus").level(), "full within a week");
        assertEquals("full in ~2 d", disk("local/prometheus").timeToFull());
        assertEquals(HealthState.UP, disk("local/redis").level());
        assertEquals("not filling up", disk("local/redis").timeToFull());
        DiskFacts grafana = disk("local/grafana");
        assertEquals(HealthState.UNKNOWN, grafana.level());
        assertEquals("not measured yet", grafana.freeText());
        assertEquals("cannot run df in the container: no shell in image", grafana.problem());
        DiskFacts low = DiskFacts.of(new DiskHeadroom("a/b", "/d", 100 * GIB, 15 * GIB, Optional.empty(), Series.EMPTY, ""), "b", "a", 0);
        assertEquals(HealthState.DEGRADED, low.level(), "under 20 % free");
    }

    @Test
    void aTileGetsItsHeadlineStageAndItsContainersErrors() {
        Map<String, TileFlow> tiles = TileFlow.byService(STALLED);
        TileFlow promtail = tiles.get("local/promtail");
        assertEquals("Promtail entries sent", promtail.trendTitle());
        assertEquals(FlowState.STALLED, promtail.state());
        assertEquals("STALLED", promtail.value(), "the word says more than 0 entries/s");
        assertEquals("24 error lines/min", promtail.errorSummary());
        assertEquals(2, promtail.errorLines().size());
        assertEquals("2.4k samples/s", tiles.get("local/prometheus").value());
        assertEquals("42 spans/s", tiles.get("local/otel-collector").value());
        assertFalse(tiles.get("local/grafana").hasTrend(), "grafana has no headline stage, only its error lines");
        assertEquals("no error lines", tiles.get("local/grafana").errorSummary());
    }

    @Test
    void figuresReadAsAPersonReadsThem() {
        assertEquals("12 clients", Figures.format(12, "clients"));
        assertEquals("0 entries/s", Figures.format(0, "entries/s"));
        assertEquals("2.4k samples/s", Figures.format(2410, "samples/s"));
        assertEquals("0.05 alerts/s", Figures.format(0.05, "alerts/s"));
        assertEquals("3.1 MiB", Figures.format(3.1 * 1024 * 1024, "B"));
        assertEquals("0.4", Figures.perMinute(0.4));
        assertEquals("3", Figures.perMinute(2.98));
        assertEquals("2.5", Figures.perMinute(2.5));
        assertEquals(List.of("1.2k", "points/s"), List.of(Figures.split("1.2k points/s")));
        assertEquals("4 stages · 1 flowing · 1 idle · 1 stalled · 1 unknown", FlowViewModel.count(List.of(FlowState.FLOWING,
                FlowState.IDLE, FlowState.STALLED, FlowState.UNKNOWN)));
        assertEquals(FlowState.STALLED, FlowViewModel.overall(List.of(FlowState.FLOWING, FlowState.STALLED)));
        assertEquals(FlowState.IDLE, FlowViewModel.overall(List.of(FlowState.IDLE, FlowState.UNKNOWN)));
    }

    private static StageCardFacts card(String id) {
        StageStatus stage = STALLED.stages().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        return StageCardFacts.of(stage, Duration.ofMinutes(15), 0);
    }

    private static ContainerErrors errors(String serviceId) {
        return STALLED.logErrors().stream().filter(e -> e.serviceId().equals(serviceId)).findFirst().orElseThrow();
    }

    private static DiskFacts disk(String serviceId) {
        DiskHeadroom d = STALLED.disks().stream().filter(x -> x.serviceId().equals(serviceId)).findFirst().orElseThrow();
        return DiskFacts.of(d, serviceId.substring(6), "local", 0);
    }
}
