package io.nightwatch.bench;

import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Alertmanager-shaped webhook storm: {@code posts} deliveries of {@code perPost} firing alerts each, from
 * {@code senders} concurrent senders on kept-alive connections (at most one each), as Alertmanager's are. Loopback only.
 *
 * <p>The senders share the machine with the receiver, so they are kept lean: OkHttp's blocking calls on the sender's own
 * thread (JDK's HttpClient hands every request through its selector thread and futures: 1.3-2.9 s of CPU per storm of
 * 10,000 alerts on this machine's 2 cores, taken from the receiver it measures). No retries: a post that fails is not
 * acknowledged, as for Alertmanager until it sends again.
 */
public final class WebhookStorm {

    private static final MediaType JSON = MediaType.get("application/json");

    /** What the storm saw: the alerts answered 2xx (by name), the other answers, the wall time. */
    public record Result(Set<String> acknowledged, int refused, int failed, double seconds) {}

    private final int port;
    private final String prefix;
    private final int posts;
    private final int perPost;
    private final int senders;
    private final AtomicBoolean stop = new AtomicBoolean();

    public WebhookStorm(int port, String prefix, int posts, int perPost, int senders) {
        this.port = port;
        this.prefix = prefix;
        this.posts = posts;
        this.perPost = perPost;
        this.senders = senders;
    }

    /** The alert names of post {@code n}. */
    public String name(int alert) {
        return prefix + alert;
    }

    public void stop() {
        stop.set(true);
    }

    /** Sends every post (or until {@link #stop}), each sender taking the next post number; bounded by {@code limit}. */
    public Result run(Duration limit, Set<String> acknowledged) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(senders, 1, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false).build();
        List<Future<?>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int s = 0; s < senders; s++) {
            done.add(pool.submit(() -> {
                for (int n; !stop.get() && (n = next.getAndIncrement()) < posts; ) {
                    int from = n * perPost;
                    Request post = new Request.Builder().url("http://127.0.0.1:" + port + "/alerts")
                            .post(RequestBody.create(payload(from, perPost).getBytes(StandardCharsets.UTF_8), JSON)).build();
                    try (Response answer = http.newCall(post).execute()) {
                        if (answer.code() / 100 == 2) {
                            for (int i = from; i < from + perPost; i++) acknowledged.add(name(i));
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        failed.incrementAndGet(); // the receiver died or reset mid-request: not acknowledged
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        if (!pool.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            stop.set(true);
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        http.connectionPool().evictAll();
        for (Future<?> f : done) {
            if (f.isDone() && !f.isCancelled()) f.get();
        }
        return new Result(acknowledged, refused.get(), failed.get(), seconds);
    }

    public Result run(Duration limit) throws Exception {
        return run(limit, ConcurrentHashMap.newKeySet());
    }

    /** Alertmanager's webhook payload (version 4) with {@code count} firing alerts. */
    public String payload(int from, int count) {
        StringBuilder alerts = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            if (alerts.length() > 0) alerts.append(',');
            alerts.append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"").append(name(i))
                    .append("\",\"severity\":\"warning\",\"component\":\"storm\",\"instance\":\"host-").append(i % 20)
                    .append(":9100\"},\"annotations\":{\"summary\":\"").append(prefix.toLowerCase(java.util.Locale.ROOT)).append(" storm alert ").append(i).append("\"},")
                    .append("\"startsAt\":\"2026-11-25T03:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"\",")
                    .append("\"fingerprint\":\"").append(String.format("%016x", (long) prefix.hashCode() * 1_000_003L + i)).append("\"}");
        }
        return "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"default\",\"groupLabels\":{},\"commonLabels\":{},"
                + "\"commonAnnotations\":{},\"externalURL\":\"\",\"groupKey\":\"{}\",\"truncatedAlerts\":0,\"alerts\":[" + alerts + "]}";
    }
}
