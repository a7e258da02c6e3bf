package io.nightwatch.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The process {@link KillDurabilityTest} kills: records alerts from several threads as fast as it can and prints
 * {@code OK <id> <fingerprint>} for each once {@code record} has returned, i.e. once a webhook would have
 * answered 200. Stops by itself after the given number of seconds in case nobody kills it.
 *
 * <p>Arguments: database file, threads, seconds.
 */
public final class DurabilityChild {

    private DurabilityChild() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        PrintStream out = System.out;
        AlertStore store = AlertStore.open(file);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread w = new Thread(() -> {
                for (long i = 0; System.nanoTime() < deadline; i++) {
                    Instant now = Instant.now();
                    IncomingAlert a = new IncomingAlert(null,
                            Map.of("alertname", "KillBurst", "thread", "t" + thread, "n", Long.toString(i)),
                            Map.of("summary", "burst " + i), AlertState.FIRING, now, Optional.empty(),
                            IncomingAlert.WEBHOOK, "", "", now);
                    RecordResult r = store.record(a);
                    synchronized (out) {
                        out.println("OK " + r.id() + " " + a.fingerprint());
                        out.flush();
                    }
                }
            }, "burst-" + t);
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) w.join();
        store.close();
    }
}
