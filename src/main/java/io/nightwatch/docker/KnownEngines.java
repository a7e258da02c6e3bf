package io.nightwatch.docker;

import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.text.Texts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The engines a profile and the Docker contexts name ({@code nightwatch hosts}), and whether each answers. */
public final class KnownEngines {

    private static final Texts T = Texts.of(KnownEngines.class);

    /**
     * @param source  "profile" or "context"
     * @param current the Docker context the CLI would use now
     * @param address the resolved address, empty when it cannot be used ({@code invalid} says why)
     */
    public record Entry(String source, String name, String uri, boolean current, Optional<EngineAddress> address,
                        Optional<String> invalid) {}

    /** @param reason why it did not answer; empty when it did */
    public record Reach(Entry entry, boolean reachable, Optional<String> engineVersion, Optional<String> reason, long millis) {}

    private KnownEngines() {}

    /** The profile's hosts (and their Swarm nodes) in order, then every Docker context by name. */
    public static List<Entry> list(List<DockerHostSpec> hosts, Map<String, String> env, Duration firstAnswer) {
        List<Entry> entries = new ArrayList<>();
        for (DockerHostSpec host : hosts) {
            addProfileHost(entries, host, env, firstAnswer);
            for (DockerHostSpec node : host.nodes()) addProfileHost(entries, node, env, firstAnswer);
        }
        Optional<String> current = DockerContexts.currentName(env);
        for (DockerContexts.Context c : DockerContexts.all(env)) {
            boolean isCurrent = current.filter(c.name()::equals).isPresent();
            String uri = c.host();
            String why = problemOf(uri, T.get("origin.context", c.name()));
            Optional<EngineAddress> address = why != null ? Optional.empty() : Optional.of(EngineAddress.isTcp(uri)
                    ? new EngineAddress(uri, c.hasTls(), c.tlsDirectory(), firstAnswer)
                    : new EngineAddress(uri, false, Optional.empty(), firstAnswer));
            entries.add(new Entry("context", c.name(), uri, isCurrent, address, Optional.ofNullable(why)));
        }
        return entries;
    }

    private static void addProfileHost(List<Entry> entries, DockerHostSpec host, Map<String, String> env, Duration firstAnswer) {
        DockerHostSpec timed = new DockerHostSpec(host.name(), host.address(), host.tlsVerify(), host.certPath(),
                host.helperImage(), firstAnswer, List.of());
        try {
            EngineAddress address = EngineAddress.resolve(timed, env);
            entries.add(new Entry("profile", host.name(), address.uri(), false, Optional.of(address), Optional.empty()));
        } catch (InvalidEngineAddressException e) {
            entries.add(new Entry("profile", host.name(), host.address().orElse(""), false, Optional.empty(),
                    Optional.of(e.getMessage())));
        }
    }

    private static String problemOf(String uri, String origin) {
        try {
            EngineAddress.checkSyntax(uri, origin);
            return null;
        } catch (InvalidEngineAddressException e) {
            return e.getMessage();
        }
    }

    /** Pings every entry in parallel, each bounded by its first-answer timeout; results in the entries' order. */
    public static List<Reach> reach(List<Entry> entries) throws InterruptedException {
        List<Reach> results = new ArrayList<>();
        if (entries.isEmpty()) return results;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, entries.size()), r -> {
            Thread t = new Thread(r, "hosts-ping");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Reach>> pending = new ArrayList<>();
            for (Entry e : entries) pending.add(pool.submit(() -> reach(e)));
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                try {
                    // each ping is bounded itself; this only guards against a transport that ignores its timeouts
                    Duration limit = e.address().map(EngineAddress::firstAnswer).orElse(Duration.ZERO).plusSeconds(10);
                    results.add(pending.get(i).get(limit.toMillis(), TimeUnit.MILLISECONDS));
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException failed) {
                    results.add(new Reach(e, false, Optional.empty(), Optional.of(T.get("hosts.noAnswer")), 0));
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Reach reach(Entry entry) {
        if (entry.address().isEmpty()) return new Reach(entry, false, Optional.empty(), entry.invalid(), 0);
        long t0 = System.nanoTime();
        try (DockerGateway gateway = DockerGateway.connect(entry.address().get())) {
            gateway.ping();
            String version = gateway.version().version();
            return new Reach(entry, true, Optional.ofNullable(version), Optional.empty(), (System.nanoTime() - t0) / 1_000_000);
        } catch (EngineUnreachableException e) {
            return new Reach(entry, false, Optional.empty(), Optional.of(EngineUnreachableException.rootMessage(e)),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            // an engine that answers the ping but refuses the version call, or an unusable TLS folder
            return new Reach(entry, false, Optional.empty(), Optional.of(DockerGateway.firstLine(String.valueOf(e.getMessage()))),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
