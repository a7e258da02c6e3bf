package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picocli converters for the values operators type. Each refuses nonsense (negative, zero, astronomically large,
 * empty) with one line saying what is expected, so the parameter handler answers 64 before anything runs.
 */
final class CliValues {

    private static final Texts T = Texts.of(CliValues.class);

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d|w)");
    /** Longer than any period an operator means; well inside what Instant and Duration arithmetic can hold. */
    static final Duration LONGEST = Duration.ofDays(3650);

    private CliValues() {}

    /**
     * "500ms", "30s", "10m", "2h", "7d", "2w" between {@code min} and {@code max}.
     *
     * @throws TypeConversionException saying what was expected
     */
    static Duration period(String text, Duration min, Duration max) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = PERIOD.matcher(trimmed.toLowerCase(java.util.Locale.ROOT));
        Duration d;
        if (trimmed.matches("(?i)P[0-9A-Z.]{1,40}")) {
            d = iso(trimmed);
        } else if (!m.matches()) {
            throw new TypeConversionException(T.get("value.notPeriod", shown(trimmed)));
        } else {
            d = unit(Long.parseLong(m.group(1)), m.group(2));
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new TypeConversionException(T.get("value.outOfRange", shown(trimmed), human(min), human(max)));
        }
        return d;
    }

    private static Duration iso(String text) {
        try {
            return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
        } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
            throw new TypeConversionException(T.get("value.notPeriod", shown(text)));
        }
    }

    private static Duration unit(long n, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    /** The form the runbooks read back ("90s", "2500ms"): they know no days or weeks. */
    static String runbookText(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String human(Duration d) {
        if (d.toMillis() < 1000) return d.toMillis() + "ms";
        if (d.toSeconds() < 120) return d.toSeconds() + "s";
        if (d.toMinutes() < 120) return d.toMinutes() + "m";
        if (d.toHours() < 48) return d.toHours() + "h";
        return d.toDays() + "d";
    }

    /** A period of at least one second, at most {@link #LONGEST} ({@code --max-age}, {@code --gate}, {@code --timeout}). */
    static final class Period implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return period(value, Duration.ofSeconds(1), LONGEST);
        }
    }

    /** A silence: up to a year (Alertmanager takes anything; a longer one is a forgotten one). */
    static final class SilencePeriod implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return period(value, Duration.ofSeconds(1), Duration.ofDays(365));
        }
    }

    /** A period kept as text (the runbooks take their parameters as text), checked like {@link Period}. */
    static final class PeriodText implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return runbookText(period(value, Duration.ofSeconds(1), LONGEST));
        }
    }

    /** As {@link PeriodText} for latencies, which may be below a second. */
    static final class LatencyText implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return runbookText(period(value, Duration.ofMillis(1), Duration.ofHours(1)));
        }
    }

    /** {@code keep} or a period, zero included ({@code --hold}). */
    static final class HoldText implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value != null && value.trim().equalsIgnoreCase("keep")) return "keep";
            try {
                // 0s is a real choice: remove the old container as soon as the new one passed its gate
                return runbookText(period(value, Duration.ZERO, LONGEST));
            } catch (TypeConversionException e) {
                throw new TypeConversionException(T.get("value.notHold", shown(value == null ? "" : value.trim())));
            }
        }
    }

    /** A count of at least one ({@code --keep}). */
    static final class PositiveCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1) return n;
            } catch (NumberFormatException e) {
                // said below
            }
            throw new TypeConversionException(T.get("value.notPositive", shown(value)));
        }
    }

    /** A file to write: not empty. */
    static final class OutputPath implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value == null || value.isBlank()) throw new TypeConversionException(T.get("value.emptyFileName"));
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new TypeConversionException(T.get("value.notFileName", shown(value), e.getReason()));
            }
        }
    }

    /** Echoed input is cut short and stripped of control characters, so a message stays one line. */
    static String shown(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
