package io.nightwatch.runbook.recovery;

import io.nightwatch.docker.ExecResult;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.backup.ServiceAccess;

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
    public String title() { return "Delete " + name() + "'s oldest blocks down to " + targetPercent + " % free"; }
    public String explanation() {
        return "delete_series removes every series' samples up to the end of the last block that has to go (the newest block "
                + "and the head stay), clean_tombstones rewrites the blocks without them and removes the emptied ones. Needs "
                + "Prometheus' --web.enable-admin-api. The data is gone for good: a backup first is offered (backup yes).";
    }
    public String preconditionText() { return "the diagnosis found how many of the oldest blocks have to go."; }
    public Check precondition(RunContext ctx) {
        return ctx.get(untilKey(name())).isPresent() ? Check.ok()
                : Check.failed("the diagnosis found no blocks to delete (or only a bigger volume helps)");
    }

    public List<String> preview(RunContext ctx) {
        String until = ctx.get(untilKey(name())).map(ms -> Instant.ofEpochMilli(Long.parseLong(ms)).toString()).orElse("<end of the last block to go>");
        return List.of("POST /api/v1/admin/tsdb/delete_series?match[]=" + ALL_SERIES + "&end=" + until + " (exclusive)",
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
            if (why.contains("admin APIs disabled") || why.contains(" 404") || why.contains(" 405") || why.contains("Unavailable")) {
                throw new IllegalStateException(name() + "'s admin API is off (" + why.strip() + "): start it with --web.enable-admin-api "
                        + "(image change runbook), or stop it and remove the oldest block folders by hand after a backup", e);
            }
            throw e;
        }
        ctx.output("deleted every series' samples before " + Instant.ofEpochMilli(until) + " ("
                + ctx.get(blocksKey(name())).orElse("?") + " oldest block(s))");
        prometheus.post("/api/v1/admin/tsdb/clean_tombstones");
        ctx.output("tombstones cleaned: " + freeText().orElse("free space unknown"));
    }

    /** "x % free" as df sees it now. */
    private Optional<String> freeText() throws Exception {
        return freePercent().map(p -> String.format(Locale.ROOT, "%.1f %% free", p));
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
        if (free.isEmpty()) return Check.failed("df in " + prometheus.container() + " said nothing usable");
        return free.get() >= targetPercent ? Check.ok(String.format(Locale.ROOT, "%.1f %% free", free.get()))
                : Check.failed(String.format(Locale.ROOT, "only %.1f %% free after the deletion (target %d %%): the head and WAL grew "
                + "meanwhile, or only a bigger volume helps", free.get(), targetPercent));
    }
    public String verificationText() { return "df shows at least " + targetPercent + " % free."; }
    public String compensation() {
        return "none: deleted samples only come back from a backup set (nightwatch restore), which is why one is offered first.";
    }
}
