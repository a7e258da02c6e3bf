package io.nightwatch.audit;

import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.stack.ServiceSpec;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.nightwatch.audit.Words.plain;
import static io.nightwatch.audit.Words.say;

/** Redis persistence, memory bound and key expiry, read with {@code CONFIG GET} and {@code INFO keyspace}. */
final class RedisChecks {

    private static final Pattern KEYSPACE = Pattern.compile("db\\d+:keys=(\\d+),expires=(\\d+)");

    private final Duration timeout;

    RedisChecks(Duration timeout) {
        this.timeout = timeout;
    }

    private static List<AuditItem> unknown(String s, Words why) {
        return List.of(
                AuditItem.of("redis-persistence", Category.REDIS, s, Status.UNKNOWN, Risk.CRITICAL, why, Words.NONE),
                AuditItem.of("redis-maxmemory", Category.REDIS, s, Status.UNKNOWN, Risk.HIGH, why, Words.NONE),
                AuditItem.of("redis-ttl", Category.REDIS, s, Status.UNKNOWN, Risk.LOW, why, Words.NONE));
    }

    List<AuditItem> check(ServiceSpec redis, Optional<String> password, long containerMemoryLimit, String compose) {
        String s = redis.id();
        String where = redis.health().directHost() + ":" + redis.health().directPort();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeout.toMillis()).socketTimeoutMillis((int) timeout.toMillis());
        password.ifPresent(config::password);
        Map<String, String> save;
        Map<String, String> aof;
        Map<String, String> maxmemory;
        Map<String, String> policy;
        String keyspace;
        // no published address (a Swarm stack's): asking "" would reach whatever listens on this machine's port
        if (redis.health().directHost().isEmpty()) return unknown(s, say("redis.noAddress"));
        try (Jedis jedis = new Jedis(redis.health().directHost(), redis.health().directPort(), config.build())) {
            save = jedis.configGet("save");
            aof = jedis.configGet("appendonly");
            maxmemory = jedis.configGet("maxmemory");
            policy = jedis.configGet("maxmemory-policy");
            keyspace = jedis.info("keyspace");
        } catch (JedisException e) {
            // Jedis' messages name host and port only; a wrong password reads "WRONGPASS", never the password.
            return unknown(s, say("redis.noAnswer", where, e.getClass().getSimpleName()));
        }
        List<AuditItem> items = new ArrayList<>();
        String saveRules = save.getOrDefault("save", "").trim();
        boolean appendOnly = "yes".equalsIgnoreCase(aof.getOrDefault("appendonly", "no"));
        Words evidence = say("redis.config", where, saveRules, appendOnly ? "yes" : "no");
        Words fix = plain(compose + ":\n  command: [\"redis-server\", \"--appendonly\", \"yes\", \"--save\", \"300 1\"]"); // tool text
        if (appendOnly) {
            items.add(AuditItem.ok("redis-persistence", Category.REDIS, s, Risk.CRITICAL, evidence));
        } else if (saveRules.isEmpty()) {
            items.add(AuditItem.of("redis-persistence", Category.REDIS, s, Status.MISSING, Risk.CRITICAL,
                    say("redis.persistence.none", evidence), fix));
        } else {
            items.add(AuditItem.of("redis-persistence", Category.REDIS, s, Status.RISK, Risk.MEDIUM,
                    say("redis.persistence.rdb", evidence), fix));
        }
        long max = parseLong(maxmemory.getOrDefault("maxmemory", "0"));
        String pol = policy.getOrDefault("maxmemory-policy", "noeviction");
        Words memEvidence = say("redis.memory", where, max == 0 ? say("redis.memory.unbounded") : plain(Units.bytes(max)), pol,
                containerMemoryLimit > 0 ? say("redis.memory.limit", Units.bytes(containerMemoryLimit)) : say("redis.memory.noLimit"));
        Words memFix = plain(compose + ":\n  command: [\"redis-server\", \"--maxmemory\", \""
                + (containerMemoryLimit > 0 ? Math.max(1, containerMemoryLimit * 3 / 4 >> 20) : 192) + "mb\", \"--maxmemory-policy\", \"allkeys-lru\"]");
        if (max == 0) {
            items.add(AuditItem.of("redis-maxmemory", Category.REDIS, s, Status.MISSING, Risk.HIGH,
                    say("redis.maxmemory.none", memEvidence), memFix));
        } else if (containerMemoryLimit > 0 && max >= containerMemoryLimit) {
            items.add(AuditItem.of("redis-maxmemory", Category.REDIS, s, Status.RISK, Risk.HIGH,
                    say("redis.maxmemory.over", memEvidence), memFix));
        } else {
            items.add(AuditItem.ok("redis-maxmemory", Category.REDIS, s, Risk.HIGH, memEvidence));
        }
        long keys = 0;
        long expires = 0;
        Matcher m = KEYSPACE.matcher(keyspace);
        while (m.find()) {
            keys += Long.parseLong(m.group(1));
            expires += Long.parseLong(m.group(2));
        }
        Words ttlEvidence = say("redis.ttl", where, keys, expires);
        items.add(keys > expires
                ? AuditItem.of("redis-ttl", Category.REDIS, s, Status.RISK, Risk.LOW,
                        say("redis.ttl.never", ttlEvidence, keys - expires), say("redis.ttl.fix"))
                : AuditItem.ok("redis-ttl", Category.REDIS, s, Risk.LOW, ttlEvidence));
        return items;
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
