package io.nightwatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's recovery and availability targets, from the profile's {@code recovery:} section:
 * <pre>
 * recovery:
 *   rpo: 24h            # newest verified backup may be at most this old
 *   rto: 2h             # a restore must be done within this
 *   slo:                # availability target per service, percent
 *     prometheus: 99.5
 * </pre>
 * Absent values are findings of the audit (the defaults are the platform's stated 24 h / 2 h, used but not trusted).
 */
public record RecoveryTargets(Optional<Duration> rpo, Optional<Duration> rto, Map<String, Double> slo) {

    public static final Duration DEFAULT_RPO = Duration.ofHours(24);
    public static final Duration DEFAULT_RTO = Duration.ofHours(2);
    public static final RecoveryTargets NONE = new RecoveryTargets(Optional.empty(), Optional.empty(), Map.of());

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final long MAX_PROFILE_BYTES = 1 << 20;

    public RecoveryTargets {
        slo = Map.copyOf(slo);
    }

    public Duration rpoOrDefault() { return rpo.orElse(DEFAULT_RPO); }

    public Duration rtoOrDefault() { return rto.orElse(DEFAULT_RTO); }

    /** Reads the section from a profile file; a file without one has no targets. */
    public static RecoveryTargets read(Path profile) throws IOException {
        if (profile == null || !Files.isRegularFile(profile, LinkOption.NOFOLLOW_LINKS)) return NONE;
        if (Files.size(profile) > MAX_PROFILE_BYTES) throw new IOException(profile + " is larger than 1 MiB");
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(profile.toFile());
        return root == null ? NONE : of(root.path("recovery"), profile.toString());
    }

    static RecoveryTargets of(JsonNode node, String where) throws IOException {
        if (node.isMissingNode() || node.isNull()) return NONE;
        if (!node.isObject()) throw new IOException(where + ": recovery must be a mapping with rpo, rto and slo");
        Map<String, Double> slo = new LinkedHashMap<>();
        var fields = node.path("slo").fields();
        while (fields.hasNext()) {
            var f = fields.next();
            double target = f.getValue().asDouble(Double.NaN);
            if (!(target > 0 && target <= 100)) {
                throw new IOException(where + ": recovery.slo." + f.getKey() + " must be a percentage (0 < x <= 100), not '" + f.getValue().asText() + "'");
            }
            slo.put(f.getKey(), target);
        }
        return new RecoveryTargets(duration(node, "rpo", where), duration(node, "rto", where), slo);
    }

    private static Optional<Duration> duration(JsonNode node, String field, String where) throws IOException {
        if (!node.hasNonNull(field)) return Optional.empty();
        String text = node.get(field).asText().trim();
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) throw new IOException(where + ": recovery." + field + " '" + text + "' is not a duration like 24h or 30m");
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        });
    }
}
