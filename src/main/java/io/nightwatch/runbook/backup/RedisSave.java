package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import io.nightwatch.runbook.RunContext;

import java.io.IOException;
import java.time.Duration;

/** BGSAVE and the wait for it, shared by the backup and the stack stop: both must know the RDB on disk is new. */
public final class RedisSave {

    private static final Texts T = Texts.of(RedisSave.class);

    private RedisSave() {}

    /**
     * Asks for a BGSAVE and waits until it finished successfully. BGSAVE returns at once; success is a new save:
     * LASTSAVE moving past its earlier value, or (LASTSAVE has one-second resolution, so a quick save within the same
     * second leaves it unchanged) Redis 7's {@code rdb_saves} counter moving.
     *
     * @throws IOException when no new save finished within {@code wait}, or Redis reports the save failed
     */
    public static void bgsaveAndWait(ServiceAccess redis, RunContext ctx, Duration wait) throws Exception {
        long before = Long.parseLong(redis.redis("LASTSAVE").strip());
        long savesBefore = infoNumber(redis.redis("INFO", "persistence"), "rdb_saves");
        redis.redis("BGSAVE");
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            String persistence = redis.redis("INFO", "persistence");
            boolean idle = infoNumber(persistence, "rdb_bgsave_in_progress") == 0;
            boolean newSave = Long.parseLong(redis.redis("LASTSAVE").strip()) > before
                    || (savesBefore >= 0 && infoNumber(persistence, "rdb_saves") > savesBefore);
            if (idle && newSave) break;
            ctx.throwIfCancelled();
            if (System.nanoTime() > deadline) throw new IOException(T.get("bgsave.timeout", wait.toMinutes()));
            Thread.sleep(200);
        }
        if (redis.redis("INFO", "persistence").contains("rdb_last_bgsave_status:err")) {
            throw new IOException(T.get("bgsave.failed"));
        }
    }

    /** A numeric field of an INFO section; -1 when absent (older Redis). */
    static long infoNumber(String info, String field) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                try {
                    return Long.parseLong(line.substring(field.length() + 1).strip());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
