package io.nightwatch.ui;

import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.flow.FlowMonitor;
import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthMonitor;
import io.nightwatch.health.HealthState;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertStore;
import io.nightwatch.testbed.EngineTest;
import io.nightwatch.testbed.TestEngine;
import io.nightwatch.text.Language;
import io.nightwatch.ui.controls.HealthTile;
import io.nightwatch.ui.support.Fx;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import static io.nightwatch.ui.support.Fx.await;
import static io.nightwatch.ui.support.Fx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window on the operator's desk (issue 13), on the real engine: it comes back at its remembered size, view and
 * theme; F5 asks again at once; Ctrl+R opens the runbooks menu; the engine picker lists the Docker contexts with
 * whether they answer, and picking one watches the stack there; German chosen in the window rebuilds it in German and
 * is remembered.
 */
@EngineTest
@ExtendWith(ApplicationExtension.class)
class WindowSettingsEngineTest {

    private static TestEngine engine;
    private NightwatchApp app;
    private AlertStore store;
    private HealthMonitor monitor;
    private Path settings;
    private Stage stage;

    @BeforeAll
    static void referenceServices() {
        engine = TestEngine.shared();
        engine.runReferenceServices();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory("nightwatch-desk");
        Map<String, String> env = new HashMap<>(engine.clientEnv());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("DOCKER_CONFIG", home.resolve("docker").toString());
        writeContext(home.resolve("docker"), "testbed", engine.dockerHost().toString());
        writeContext(home.resolve("docker"), "gone", "tcp://127.0.0.1:1");
        settings = home.resolve("config/nightwatch/window.properties");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "x=0\ny=0\nwidth=1000\nheight=700\nview=flow\ntheme=light\n");

        // a long poll interval: only F5 can bring a new snapshot within the test's wait
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(engine.dockerHost().toString())
                .withTimings(Duration.ofSeconds(120), ReferenceStack.profile().probeTimeout());
        monitor = new HealthMonitor(profile, env, Clock.systemDefaultZone());
        FlowMonitor flow = new FlowMonitor(monitor, FlowSettings.of(profile.flow()), env, Clock.systemDefaultZone());
        store = AlertStore.open(home.resolve("alerts.db"));
        app = new NightwatchApp(monitor, flow, store, AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", 0))))
                .withRunbooks(new RunbookCatalog(profile, env, home.resolve("data"), Clock.systemUTC()))
                .withEnvironment(env)
                .withSettingsFile(settings);
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
        store.close();
    }

    @AfterEach
    void english() {
        Language.use(Language.EN);
    }

    @Test
    void theWindowComesBackAsLeftAndTheEnginePickerAndLanguageWork(FxRobot robot) throws Exception {
        // remembered size, view and theme
        assertEquals(1000, onFx(() -> stage.getWidth()), 1);
        assertEquals(700, onFx(() -> stage.getHeight()), 1);
        assertEquals(MainWindow.View.FLOW, onFx(() -> app.window().shown()));
        assertFalse(onFx(() -> String.join(" ", app.window().scene().getStylesheets())).contains("dark"), "light, as remembered");

        // F5: a new round at once, not in 120 s
        robot.interact(() -> app.window().show(MainWindow.View.HEALTH));
        await(60, () -> tile(robot, "redis").getState() == HealthState.UP);
        Instant before = monitor.snapshot().takenAt();
        Fx.click(robot, "#healthTab");
        robot.push(KeyCode.F5);
        await(20, () -> monitor.snapshot().takenAt().isAfter(before));

        // Ctrl+R: the runbooks menu
        robot.push(KeyCode.SHORTCUT, KeyCode.R);
        await(5, () -> robot.lookup(".runbooks-menu").queryAs(MenuButton.class).isShowing());
        robot.push(KeyCode.ESCAPE);

        // the theme, at once
        fire(robot, "#settings-menu", "theme-dark");
        await(5, () -> String.join(" ", app.window().scene().getStylesheets()).contains("dark"));

        // the engine picker: every context, whether it answers
        robot.interact(() -> robot.lookup("#engine-picker").queryAs(MenuButton.class).show());
        await(20, () -> item(robot, "#engine-picker", "engine-context-gone").isPresent()
                && item(robot, "#engine-picker", "engine-context-testbed").isPresent());
        String testbed = onFx(() -> item(robot, "#engine-picker", "engine-context-testbed").orElseThrow().getText());
        String gone = onFx(() -> item(robot, "#engine-picker", "engine-context-gone").orElseThrow().getText());
        assertTrue(testbed.contains("answers, Docker"), testbed);
        assertTrue(gone.contains("no answer"), gone);
        Screenshots.save(app.window().scene(), "window-settings.png");
        robot.interact(() -> robot.lookup("#engine-picker").queryAs(MenuButton.class).hide());

        // picking the context: the built-in profile's host has no address, so the context's engine is watched
        MainWindow first = app.window();
        robot.interact(() -> item(robot, "#engine-picker", "engine-context-testbed").orElseThrow().fire());
        await(10, () -> app.window() != first);
        await(60, () -> tile(robot, "redis").getState() == HealthState.UP);

        // German, chosen in the window: built again in German at once
        fire(robot, "#settings-menu", "language-de");
        await(10, () -> Language.current() == Language.DE);
        await(10, () -> robot.lookup("#settings-menu").queryAs(MenuButton.class).getTooltip().getText().startsWith("Einstellungen"));
        assertEquals(1000, onFx(() -> stage.getWidth()), 1, "the size stays when the window is rebuilt");

        robot.interact(() -> app.window().show(MainWindow.View.ALERTS));
        robot.interact(() -> app.stop());
        String saved = Files.readString(settings, StandardCharsets.UTF_8);
        assertTrue(saved.contains("language=de"), saved);
        assertTrue(saved.contains("theme=dark"), saved);
        assertTrue(saved.contains("view=alerts"), saved);
        assertTrue(saved.contains("width=1000"), saved);
    }

    /** Fires an item of a menu button (in a submenu too) by id, as a click on it would. */
    private static void fire(FxRobot robot, String button, String id) {
        robot.interact(() -> item(robot, button, id).orElseThrow(() -> new AssertionError("no item " + id)).fire());
    }

    private static Optional<MenuItem> item(FxRobot robot, String button, String id) {
        MenuButton b = robot.lookup(button).queryAs(MenuButton.class);
        for (MenuItem i : b.getItems()) {
            if (id.equals(i.getId())) return Optional.of(i);
            if (i instanceof Menu m) {
                for (MenuItem sub : m.getItems()) if (id.equals(sub.getId())) return Optional.of(sub);
            }
        }
        return Optional.empty();
    }

    private static HealthTile tile(FxRobot robot, String service) {
        return robot.lookup("#tile-local-" + service).queryAs(HealthTile.class);
    }

    /** As {@code docker context create NAME --docker host=URI} writes it. */
    private static void writeContext(Path dockerConfig, String name, String host) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        Path dir = Files.createDirectories(dockerConfig.resolve("contexts/meta").resolve(digest));
        Files.writeString(dir.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
                + host + "\",\"SkipTLSVerify\":false}}}");
    }
}
