package io.nightwatch.bench;

import io.nightwatch.flow.FlowSettings;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.ui.FleetFixture;
import io.nightwatch.ui.MainWindow;
import io.nightwatch.ui.dashboard.DashboardViewModel;
import io.nightwatch.ui.dashboard.compact.DensityPane;
import io.nightwatch.ui.flow.FlowViewModel;
import io.nightwatch.ui.fx.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The window over issue 16's emulated fleet (20 hosts × 10 services) fed at 1 Hz, for {@link BenchSuite}: the real
 * main window and view models, snapshots published from a background thread as the health monitor does. Argument:
 * {@code compact} or {@code tiles}, and {@code switch} to switch views every 5 s and print how long each switch
 * took to its next drawn frame ("SWITCH n ms").
 */
public final class FleetFeed {

    private FleetFeed() {}

    public static void main(String[] args) {
        Application.launch(App.class, args); // a launcher class: a main class extending Application needs module setup
    }

    public static final class App extends Application {
        private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleet-feed");
            t.setDaemon(true);
            return t;
        });

        @Override
        public void start(Stage stage) {
            boolean compact = getParameters().getRaw().contains("compact");
            boolean switching = getParameters().getRaw().contains("switch");
            StackProfile profile = FleetFixture.profile();
            Clock clock = Clock.systemUTC();
            DashboardViewModel model = new DashboardViewModel(profile, clock);
            MainWindow window = MainWindow.of(model, new FlowViewModel(profile, FlowSettings.DEFAULT, clock), Theme.DARK);
            window.showIn(stage);
            window.scene().getRoot().lookupAll(".density-pane").forEach(n -> ((DensityPane) n).densityProperty()
                    .set(compact ? DensityPane.Density.COMPACT : DensityPane.Density.TILES));
            AtomicInteger tick = new AtomicInteger();
            feeder.scheduleAtFixedRate(() -> model.publish(FleetFixture.snapshot(profile, tick.getAndIncrement())), 0, 1, TimeUnit.SECONDS);
            if (switching) {
                MainWindow.View[] cycle = {MainWindow.View.FLOW, MainWindow.View.ALERTS, MainWindow.View.HEALTH};
                AtomicInteger next = new AtomicInteger();
                feeder.scheduleAtFixedRate(() -> Platform.runLater(() -> {
                    long t0 = System.nanoTime();
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        System.out.println("SWITCH " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                        window.scene().removePostLayoutPulseListener(once[0]);
                    };
                    window.show(cycle[next.getAndIncrement() % cycle.length]);
                    window.scene().addPostLayoutPulseListener(once[0]);
                }), 5, 5, TimeUnit.SECONDS);
            }
        }

        @Override
        public void stop() {
            feeder.shutdownNow();
        }
    }
}
