package io.nightwatch.ui.dashboard;

import io.nightwatch.health.EngineStatus;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.health.ServiceHealth;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.ui.FakeStack;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Snapshots in, hosts and tiles out: identity kept across snapshots, waiting tiles kept until their engine answers. */
@ExtendWith(ApplicationExtension.class)
class DashboardViewModelTest {

    private final MovableClock clock = new MovableClock();
    private DashboardViewModel model;

    @Start
    void start(Stage stage) {
        model = new DashboardViewModel(FakeStack.profile(), clock);
    }

    @Test
    void aQuietMonitorIsFlaggedStale() throws Exception {
        model.publish(FakeStack.first());
        await(() -> model.lastUpdateProperty().get().equals("updated 03:12"));
        assertEquals(false, onFx(() -> model.staleProperty().get()));

        clock.now = FakeStack.NOW.plusSeconds(30); // the profile polls every 2 s: 30 s of silence is news
        await(() -> model.staleProperty().get());
        assertEquals("no update for 30 s (last 03:12:45)", onFx(() -> model.lastUpdateProperty().get()));
    }

    @Test
    void aSnapshotThatShowsNothingNewStillMovesTheAgeLine() throws Exception {
        HealthSnapshot first = FakeStack.first();
        model.publish(first);
        await(() -> model.lastUpdateProperty().get().equals("updated 03:12"));
        TileFacts shown = onFx(() -> tile("local/redis").getFacts());

        // the next poll finds everything as it was: no hand-over to the FX thread, but the monitor is alive
        clock.now = FakeStack.NOW.plusSeconds(60);
        model.publish(new HealthSnapshot(FakeStack.NOW.plusSeconds(60), first.engines(), first.services()));
        await(() -> model.lastUpdateProperty().get().equals("updated 03:13"));
        assertEquals(false, onFx(() -> model.staleProperty().get()), "a live monitor with nothing new is not silent");
        assertSame(shown, onFx(() -> tile("local/redis").getFacts()));
    }

    /** Time that the test moves; read by the view model's once-a-second age check. */
    private static final class MovableClock extends Clock {
        volatile Instant now = FakeStack.NOW;

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void anEngineNotCheckedYetKeepsItsWaitingTiles() throws Exception {
        HealthSnapshot first = FakeStack.first();
        List<ServiceHealth> localOnly = first.services().stream().filter(s -> s.spec().host().equals("local")).toList();
        model.publish(new HealthSnapshot(FakeStack.NOW, List.of(first.engines().get(0),
                EngineStatus.notCheckedYet("edge", FakeStack.EDGE_ADDRESS_SHOWN, FakeStack.NOW)), localOnly));

        await(() -> host("local").getEngine().engine() == HostFacts.EngineState.REACHABLE);
        HostModel edge = host("edge");
        assertEquals(HostFacts.EngineState.CHECKING, onFx(() -> edge.getEngine().engine()));
        assertEquals(2, onFx(() -> edge.getTiles().size()));
        assertEquals(TileFacts.waiting(), onFx(() -> edge.getTiles().get(0).getFacts().reason()));
        assertEquals("9 services · 5 up · 1 degraded · 1 down · 2 unknown", onFx(() -> model.summaryProperty().get()));
    }

    @Test
    void tilesAreKeptByIdAndDiscoveredOnesComeAndGo() throws Exception {
        model.publish(FakeStack.first());
        await(() -> tile("local/alertmanager").getFacts().reason().startsWith("up"));
        ServiceTileModel redis = tile("local/redis");

        model.publish(withDiscoveredCache(FakeStack.first()));
        await(() -> host("local").getTiles().size() == 8);
        // problems first (Loki degraded, Promtail down), then name order
        assertEquals("cache-7", onFx(() -> host("local").getTiles().get(3).getFacts().title()), "kept in name order");

        model.publish(FakeStack.redisKilled());
        await(() -> host("local").getTiles().size() == 7);
        assertSame(redis, tile("local/redis"));
        assertEquals("DOWN", onFx(() -> redis.getFacts().state().name()));
        assertEquals("updated 03:12", onFx(() -> model.lastUpdateProperty().get()));
    }

    private static HealthSnapshot withDiscoveredCache(HealthSnapshot snapshot) {
        ServiceHealth redis = snapshot.services().stream().filter(s -> s.id().equals("local/redis")).findFirst().orElseThrow();
        ServiceSpec found = new ServiceSpec("cache-7", ServiceKind.REDIS, "local", "cache-7", redis.spec().health(),
                Optional.empty(), Optional.empty(), Optional.empty(), true);
        List<ServiceHealth> services = new ArrayList<>(snapshot.services());
        services.add(new ServiceHealth(found, redis.state(), redis.reason(), redis.container(), redis.memory(), redis.probe(),
                redis.findings(), redis.checkedAt()));
        return new HealthSnapshot(snapshot.takenAt(), snapshot.engines(), services);
    }

    private HostModel host(String name) throws Exception {
        return onFx(() -> model.getHosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow());
    }

    private ServiceTileModel tile(String id) throws Exception {
        return onFx(() -> model.getHosts().stream().flatMap(h -> h.getTiles().stream())
                .filter(t -> t.id().equals(id)).findFirst().orElseThrow());
    }

    private void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(condition));
    }


    @Test
    void problemsComeFirstAndOnlyANewOneIsMarked() throws Exception {
        model.publish(FakeStack.first());
        await(() -> titles("local").get(0).equals("loki"));
        // the first picture's problems (Loki degraded, Promtail down) lead, the rest keep name order
        assertEquals(List.of("loki", "promtail"), onFx(() -> titles("local").subList(0, 2)));
        assertEquals("", onFx(() -> tile("local/loki").getNewProblem()), "what stood when the window opened is not news");

        model.publish(FakeStack.redisKilled());
        await(() -> tile("local/redis").getFacts().state() == io.nightwatch.health.HealthState.DOWN);
        assertEquals(List.of("loki", "promtail", "redis"), onFx(() -> titles("local").subList(0, 3)));
        assertEquals("NEW · 03:12", onFx(() -> tile("local/redis").getNewProblem()));
        assertEquals("", onFx(() -> tile("local/loki").getNewProblem()));

        robotFree(model::markSeen);
        assertEquals("", onFx(() -> tile("local/redis").getNewProblem()), "the operator looked");
        model.publish(FakeStack.first());
        await(() -> tile("local/redis").getFacts().state() == io.nightwatch.health.HealthState.UP);
        assertEquals("redis", onFx(() -> titles("local").get(titles("local").size() - 1)), "back in name order once it is up");
    }

    @Test
    void aServiceNotDeployedIsGreyLastAndNotCountedAsDown() throws Exception {
        HealthSnapshot first = FakeStack.first();
        List<ServiceHealth> services = first.services().stream().map(s -> s.spec().name().equals("promtail") && s.spec().host().equals("local")
                ? io.nightwatch.health.HealthEvaluator.notDeployed(s.spec(), true, FakeStack.NOW) : s).toList();
        model.publish(new HealthSnapshot(FakeStack.NOW, first.engines(), services));
        await(() -> tile("local/promtail").getFacts().state() == io.nightwatch.health.HealthState.NOT_DEPLOYED);
        assertEquals("promtail", onFx(() -> titles("local").get(titles("local").size() - 1)));
        String summary = onFx(() -> model.summaryProperty().get());
        assertEquals(true, summary.contains("1 not deployed"), summary);
        assertEquals(false, summary.contains("down"), summary);
        assertEquals(true, onFx(() -> host("local").summaryProperty().get()).endsWith("· 1 not deployed"));
    }

    private List<String> titles(String host) throws Exception {
        return host(host).getTiles().stream().map(t -> t.getFacts().title()).toList();
    }

    private static void robotFree(Runnable onFx) throws Exception {
        onFx(() -> { onFx.run(); return null; });
    }
}
