package io.nightwatch.ui.dashboard;

import io.nightwatch.flow.FlowSettings;
import io.nightwatch.health.HealthSnapshot;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.Screenshots;
import io.nightwatch.ui.fx.Theme;
import io.nightwatch.ui.flow.FlowViewModel;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Renders the real main window over a real snapshot taken by an engine test (the Swarm stack), headless like the
 * other GUI tests, and keeps the picture for the README.
 */
public final class SwarmStackPicture {

    private SwarmStackPicture() {}

    /** Returns the PNG written to docs/images/{@code name}. */
    public static Path render(StackProfile profile, HealthSnapshot snapshot, String name) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Clock clock = Clock.fixed(snapshot.takenAt(), java.time.ZoneOffset.UTC);
        MainWindow window = WaitForAsyncUtils.asyncFx(() -> {
            MainWindow w = MainWindow.of(new DashboardViewModel(profile, clock), new FlowViewModel(profile, FlowSettings.DEFAULT, clock), Theme.DARK);
            w.showIn(stage);
            return w;
        }).get(20, TimeUnit.SECONDS);
        try {
            window.model().publish(snapshot);
            WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
            Path shot = Screenshots.save(window.scene(), name);
            Path docs = Path.of("docs", "images");
            Files.createDirectories(docs);
            return Files.copy(shot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
        }
    }
}
