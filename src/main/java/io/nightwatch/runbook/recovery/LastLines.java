package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.redact.Redactor;

import io.nightwatch.text.Texts;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The last lines a container wrote (running or dead), read through the engine within a bounded time. */
final class LastLines {

    private static final Texts T = Texts.of(LastLines.class);

    /** How far back a log is read: enough for a crash loop's last deaths, bounded so a chatty service cannot flood. */
    static final Duration LOOK_BACK = Duration.ofHours(1);

    private LastLines() {}

    static List<String> of(DockerGateway gateway, String container, int count, Duration within) {
        Deque<String> tail = new ArrayDeque<>();
        CountDownLatch ended = new CountDownLatch(1);
        long since = Instant.now().minus(LOOK_BACK).getEpochSecond();
        try (Closeable stream = gateway.followLogs(container, since, line -> {
            synchronized (tail) {
                tail.addLast(Redactor.clean(line.length() > 500 ? line.substring(0, 500) + "…" : line));
                while (tail.size() > count) tail.removeFirst();
            }
        }, end -> ended.countDown())) {
            // A running container's log never ends: take what arrived within the bound.
            ended.await(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return List.of(T.get("lastLines.unreadable", e.getMessage()));
        }
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }
}
