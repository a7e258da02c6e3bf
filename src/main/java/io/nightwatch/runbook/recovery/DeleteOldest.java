package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.ExecResult;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.ServiceAccess;

import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * disk-full on Prometheus: deletes every series' samples up to the end of the newest block that has to go (the
 * diagnosis worked it out for the target free space), then has the tombstones cleaned, which rewrites those blocks
 * without the samples: a block left empty disappears from the disk. Through Prometheus' own admin API, so the running
 * TSDB stays consistent (no folders removed under it).
 */
final class DeleteOldest implements Step {

    private static final Texts T = Texts.of(DeleteOldest.class);

    static final String ALL_SERIES = "{__name__=~\".+\"}";

    private final ServiceAccess prometheus;
    private final String data;
    private final int targetPercent;

    DeleteOldest(ServiceAccess prometheus, String data, int targetPercent) {
        this.prometheus = prometheus;
        this.data = data;
        this.targetPercent = targetPercent;
    }

    static String untilKey(String service) { return "disk." + service + ".delete-until"; }
    static String blocksKey(String service) { return "disk." + service + ".delete-blocks"; }

    private String name() { return prometheus.spec().name(); }

    public String id() { return "delete-oldest-" + name(); }
    public String title() { return T.get("delete.title", name(), targetPercent); }
    public String explanation() {
        return T.get("delete.explanation");
    }
    public String preconditionText() { return T.get("delete.precondition"); }
    public Check precondition(RunContext ctx) {
        return ctx.get(untilKey(name())).isPresent() ? Check.ok()
                : Check.failed(T.get("delete.nothing"));
    }

    public List<String> preview(RunContext ctx) {
        String until = ctx.get(untilKey(name())).map(ms -> Instant.ofEpochMilli(Long.parseLong(ms)).toString()).orElse(T.get("delete.preview.until"));
        return List.of(T.get("delete.preview.delete", ALL_SERIES, until),
                "POST /api/v1/admin/tsdb/clean_tombstones",
                "exec " + prometheus.container() + ": df -k " + data);
    }

    public void execute(RunContext ctx) throws Exception {
        long until = Long.parseLong(ctx.get(untilKey(name())).orElseThrow());
        // A block's maxTime is exclusive: its last sample is one millisecond before, the next block's first is at it.
        String end = String.format(Locale.ROOT, "%.3f", (until - 1) / 1000.0);
        String path = "/api/v1/admin/tsdb/delete_series?match%5B%5D=" + URLEncoder.encode(ALL_SERIES, StandardCharsets.UTF_8) + "&end=" + end;
        try {
            prometheus.post(path);
        } catch (java.io.IOException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("admin APIs disabled") || why.contains(" 404") || why.contains(" 405") || why.contains("Unavailable")) { // tool text: Prometheus error words
                throw new IllegalStateException(T.get("delete.error.adminOff", name(), why.strip()), e);
            }
            throw e;
        }
        ctx.output(T.get("delete.deleted", Instant.ofEpochMilli(until), ctx.get(blocksKey(name())).orElse("?")));
        prometheus.post("/api/v1/admin/tsdb/clean_tombstones");
        ctx.output(T.get("delete.cleaned", freeText().orElse(T.get("delete.freeUnknown"))));
    }

    /** "x % free" as df sees it now. */
    private Optional<String> freeText() throws Exception {
        return freePercent().map(p -> T.get("delete.free", Formats.fixed(p, 1)));
    }

    Optional<Double> freePercent() throws Exception {
        ExecResult r = prometheus.exec(List.of("df", "-k", data));
        String[] lines = r.stdout().strip().split("\n");
        String[] f = lines[lines.length - 1].trim().split("\\s+");
        if (!r.succeeded() || f.length < 4 || !f[1].matches("\\d+") || !f[3].matches("\\d+") || Long.parseLong(f[1]) == 0) return Optional.empty();
        return Optional.of(100.0 * Long.parseLong(f[3]) / Long.parseLong(f[1]));
    }

    public Check verify(RunContext ctx) throws Exception {
        Optional<Double> free = freePercent();
        if (free.isEmpty()) return Check.failed(T.get("delete.dfUnusable", prometheus.container()));
        return free.get() >= targetPercent ? Check.ok(T.get("delete.free", Formats.fixed(free.get(), 1)))
                : Check.failed(T.get("delete.notEnough", Formats.fixed(free.get(), 1), targetPercent));
    }
    public String verificationText() { return T.get("delete.verification", targetPercent); }
    public String compensation() {
        return T.get("delete.compensation");
    }
}
