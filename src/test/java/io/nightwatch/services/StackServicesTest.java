package io.nightwatch.services;

import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.runbook.backup.BackupAges;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ServiceDefaults;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertOccurrence;
import io.nightwatch.store.AlertQuery;
import io.nightwatch.store.AlertStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one place that starts the services, without an engine: the profile's host is a closed loopback port, so the
 * monitors only ever see it unreachable; the backup folder is a temporary one with no sets.
 */
class StackServicesTest {

    private static final DockerHostSpec NOWHERE = new DockerHostSpec("local", Optional.of("tcp://127.0.0.1:9"), Optional.of(false), Optional.empty());
    private static final StackProfile PROFILE = new StackProfile(List.of(NOWHERE),
            List.of(ServiceDefaults.forKind(ServiceKind.GRAFANA, NOWHERE, "grafana", "grafana-nowhere", 9),
                    ServiceDefaults.forKind(ServiceKind.LOKI, NOWHERE, "loki", "loki-nowhere", 9)),
            Duration.ofSeconds(2), Duration.ofMillis(500), "test profile");
    private static final AlertSettings NO_RECEIVER = AlertSettings.defaults().withListen(Optional.empty());

    @TempDir
    Path dir;

    @Test
    void backupAgesFromTheWatcherRaiseBackupOverdueInTheHistory() throws Exception {
        try (AlertStore store = AlertStore.open(dir.resolve("alerts.db"));
             StackServices services = builder().store(store).settings(NO_RECEIVER).open()) {
            List<BackupAges> heard = new ArrayList<>();
            services.backups().orElseThrow().addListener(heard::add);
            BackupAges ages = services.backups().orElseThrow().readNow();

            assertEquals(List.of(ages), heard, "the window's listener hears the same reading as the alerts");
            assertTrue(ages.newestVerified().values().stream().allMatch(Optional::isEmpty), "no sets: " + ages);
            List<AlertOccurrence> overdue = store.search(AlertQuery.builder().build()).stream()
                    .filter(a -> a.alertname().equals("NightwatchBackupOverdue")).toList();
            assertFalse(overdue.isEmpty(), "a service with no verified set is overdue");
            assertEquals(ages.newestVerified().keySet(), overdue.stream().map(AlertOccurrence::service).collect(java.util.stream.Collectors.toSet()));
            assertEquals("no webhook receiver (polling only)", services.receiver());
        }
    }

    @Test
    void aTakenPortFailsTheOpeningAndClosesWhatWasOpened() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            AlertStore store = AlertStore.open(dir.resolve("alerts.db"));
            AlertSettings settings = AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", taken.getLocalPort())));

            assertThrows(BindException.class, () -> builder().ownStore(store).settings(settings).open());
            // the store the services owned is closed: it takes no more writes
            assertThrows(RuntimeException.class, () -> store.count(AlertQuery.builder().build()));
        }
    }

    @Test
    void theWindowFallsBackToPollingAndSaysWhereWebhooksGo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             AlertStore store = AlertStore.open(dir.resolve("alerts.db"))) {
            AlertSettings settings = AlertSettings.defaults().withListen(Optional.of(new InetSocketAddress("127.0.0.1", taken.getLocalPort())));
            try (StackServices services = builder().store(store).settings(settings).pollWhenReceiverTaken().open()) {
                assertTrue(services.receiverElsewhere());
                assertTrue(services.receiver().startsWith("webhooks go elsewhere: 127.0.0.1:" + taken.getLocalPort() + " is in use"),
                        services.receiver());
                assertTrue(services.alerts().orElseThrow().receiverPort().isEmpty());
            }
            assertEquals(0, store.count(AlertQuery.builder().build()), "a store handed in stays open for its owner");
        }
    }

    @Test
    void startReadsTheBackupsAtOnceAndCloseEndsWhatTheServicesOwn() throws Exception {
        AlertStore store = AlertStore.open(dir.resolve("alerts.db"));
        StackServices services = builder().ownStore(store).settings(NO_RECEIVER).backupCheckEvery(Duration.ofHours(1)).open();
        java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
        services.backups().orElseThrow().addListener(ages -> read.countDown());
        services.start();
        assertTrue(read.await(20, java.util.concurrent.TimeUnit.SECONDS), "the first backup reading comes at start, not after an hour");

        services.close();
        services.close(); // idempotent: the window's stop may run twice
        assertThrows(RuntimeException.class, () -> store.count(AlertQuery.builder().build()), "the owned store is closed last");
    }

    @Test
    void withoutAHistoryThereIsNoAlertServiceButStillBackupAges() throws Exception {
        try (StackServices services = builder().open()) {
            assertTrue(services.alerts().isEmpty());
            assertTrue(services.store().isEmpty());
            assertEquals(2, services.backups().orElseThrow().readNow().newestVerified().size());
        }
    }

    private StackServices.Builder builder() {
        return StackServices.builder(PROFILE, Map.of()).clock(Clock.systemUTC())
                .runbooks(new RunbookCatalog(PROFILE, Map.of(), dir.resolve("data"), Clock.systemUTC()));
    }
}
