package io.nightwatch.ui.controls;

import io.nightwatch.text.Texts;
import io.nightwatch.store.AlertState;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the alert timeline's bars and ticks go, in pixels: pure arithmetic, tested without a toolkit.
 *
 * <ul>
 *   <li>x is time: the left edge is {@code from}, the right edge {@code to} (now); an open alert runs to the right
 *       edge, one that began before {@code from} starts at the left edge and is marked as clipped;</li>
 *   <li>bars are packed into lanes so that none overlaps another (a gap of {@link #GAP} pixels between them);
 *       critical alerts are placed first, so they take the top lanes and are the last to be left out when the lanes
 *       run out; what does not fit is counted in {@link Layout#hidden()};</li>
 *   <li>a bar is at least {@link #MIN_WIDTH} pixels wide, so a one-minute alert in a 90-day view is still seen;</li>
 *   <li>ticks fall on round local times (every 15 min, 1 h, 6 h, 1 d, 7 d …), at most one per {@link #TICK_SPACING}
 *       pixels.</li>
 * </ul>
 */
public final class TimelineLayout {

    public static final double MIN_WIDTH = 4;
    public static final double GAP = 2;
    public static final double TICK_SPACING = 90;

    private static final List<Duration> STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2),
            Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30));
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Texts T = Texts.of(TimelineLayout.class);

    private TimelineLayout() {}

    /** "Dec 6" / "6. Dez." — the month word in the current language. */
    private static DateTimeFormatter day() {
        return DateTimeFormatter.ofPattern(T.get("timeline.day"), io.nightwatch.text.Language.current().locale());
    }

    /**
     * One alert occurrence as the strip shows it.
     *
     * @param end   empty while the alert is open: it runs to now
     * @param label what a tooltip says about it
     */
    public record Bar(long id, Instant start, Optional<Instant> end, Severity severity, AlertState state, String label) {
        public Bar {
            Objects.requireNonNull(start, "start");
            end = end == null ? Optional.empty() : end;
            severity = severity == null ? Severity.OTHER : severity;
            label = label == null ? "" : label;
        }

        public boolean open() { return end.isEmpty(); }
    }

    /** A bar in its lane, from x0 to x1. */
    public record Placed(Bar bar, int lane, double x0, double x1, boolean clippedLeft) {}

    /** A tick on the time axis; {@code major} ones fall on a day boundary and are labelled with the date. */
    public record Tick(double x, String label, boolean major) {}

    public record Layout(List<Placed> placed, int lanes, int hidden, List<Tick> ticks) {

        public static final Layout EMPTY = new Layout(List.of(), 0, 0, List.of());

        /** The bar at {@code x} in {@code lane}, allowing a few pixels of slack for thin bars. */
        public Optional<Placed> hit(double x, int lane) {
            Placed best = null;
            double bestDistance = Double.MAX_VALUE;
            for (Placed p : placed) {
                if (p.lane() != lane) continue;
                double distance = x < p.x0() ? p.x0() - x : x > p.x1() ? x - p.x1() : 0;
                if (distance <= 3 && distance < bestDistance) {
                    best = p;
                    bestDistance = distance;
                }
            }
            return Optional.ofNullable(best);
        }

        public Optional<Placed> find(long id) {
            return placed.stream().filter(p -> p.bar().id() == id).findFirst();
        }
    }

    public static Layout layout(List<Bar> bars, Instant from, Instant to, double width, int maxLanes, ZoneId zone) {
        if (width <= 0 || !to.isAfter(from)) return Layout.EMPTY;
        double span = to.toEpochMilli() - from.toEpochMilli();
        List<Bar> order = new ArrayList<>(bars);
        order.sort(Comparator.comparing(Bar::severity).thenComparing(Bar::start).thenComparingLong(Bar::id));
        List<List<double[]>> lanes = new ArrayList<>();
        List<Placed> placed = new ArrayList<>();
        int hidden = 0;
        for (Bar bar : order) {
            Instant end = bar.end().orElse(to);
            if (end.isBefore(from) || !bar.start().isBefore(to)) continue; // outside the range: not part of this picture
            boolean clipped = bar.start().isBefore(from);
            double x0 = clipped ? 0 : (bar.start().toEpochMilli() - from.toEpochMilli()) / span * width;
            double x1 = end.isAfter(to) ? width : (end.toEpochMilli() - from.toEpochMilli()) / span * width;
            if (x1 - x0 < MIN_WIDTH) {
                x1 = Math.min(width, x0 + MIN_WIDTH);
                x0 = Math.max(0, x1 - MIN_WIDTH);
            }
            int lane = laneFor(lanes, x0, x1, maxLanes);
            if (lane < 0) {
                hidden++;
                continue;
            }
            lanes.get(lane).add(new double[] {x0, x1});
            placed.add(new Placed(bar, lane, x0, x1, clipped));
        }
        return new Layout(List.copyOf(placed), lanes.size(), hidden, ticks(from, to, width, zone));
    }

    private static int laneFor(List<List<double[]>> lanes, double x0, double x1, int maxLanes) {
        for (int i = 0; i < lanes.size(); i++) {
            boolean free = true;
            for (double[] taken : lanes.get(i)) {
                if (x0 < taken[1] + GAP && x1 > taken[0] - GAP) {
                    free = false;
                    break;
                }
            }
            if (free) return i;
        }
        if (lanes.size() >= maxLanes) return -1;
        lanes.add(new ArrayList<>());
        return lanes.size() - 1;
    }

    /** The smallest round step that keeps ticks {@link #TICK_SPACING} pixels apart. */
    static Duration tickStep(Duration span, double width) {
        int most = Math.max(1, (int) (width / TICK_SPACING));
        for (Duration step : STEPS) {
            if (span.toMillis() / step.toMillis() <= most) return step;
        }
        return STEPS.get(STEPS.size() - 1);
    }

    static List<Tick> ticks(Instant from, Instant to, double width, ZoneId zone) {
        Duration span = Duration.between(from, to);
        Duration step = tickStep(span, width);
        List<Tick> ticks = new ArrayList<>();
        double total = span.toMillis();
        if (step.compareTo(Duration.ofDays(1)) < 0) {
            ZonedDateTime t = first(from.atZone(zone), step);
            while (t.toInstant().isBefore(to)) {
                boolean midnight = t.toLocalTime().toSecondOfDay() == 0;
                ticks.add(new Tick(x(t.toInstant(), from, total, width), midnight ? day().format(t) : CLOCK.format(t), midnight));
                t = t.plus(step);
            }
        } else {
            long days = step.toDays();
            LocalDate day = from.atZone(zone).toLocalDate().plusDays(1);
            day = day.plusDays(Math.floorMod(-day.toEpochDay(), days)); // every 7th day falls on the same weekday
            while (day.atStartOfDay(zone).toInstant().isBefore(to)) {
                ticks.add(new Tick(x(day.atStartOfDay(zone).toInstant(), from, total, width), day().format(day), true));
                day = day.plusDays(days);
            }
        }
        return List.copyOf(ticks);
    }

    /** The first local time at or after {@code start} that is a whole multiple of {@code step} since midnight. */
    private static ZonedDateTime first(ZonedDateTime start, Duration step) {
        LocalDateTime midnight = start.toLocalDate().atStartOfDay();
        long stepMinutes = step.toMinutes();
        long since = ChronoUnit.MINUTES.between(midnight, start.toLocalDateTime());
        long next = (since + stepMinutes - 1) / stepMinutes * stepMinutes;
        ZonedDateTime t = midnight.plusMinutes(next).atZone(start.getZone());
        if (t.isBefore(start)) t = t.plus(step);
        return t;
    }

    private static double x(Instant t, Instant from, double total, double width) {
        return (t.toEpochMilli() - from.toEpochMilli()) / total * width;
    }
}
