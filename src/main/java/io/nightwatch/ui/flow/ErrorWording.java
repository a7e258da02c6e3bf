package io.nightwatch.ui.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.flow.ContainerErrors;
import io.nightwatch.flow.Series;

/**
 * How a container's error-level log lines are worded, on health tiles and in the flow view alike. Errors are rare
 * and bursty, so the rate is per minute and counts the lines of the last minute (from the per-round history), not
 * the last round alone: one line then shows as "1 error line/min" for a minute instead of flickering for 5 s.
 */
public final class ErrorWording {

    private static final Texts T = Texts.of(ErrorWording.class);

    static final long MINUTE_MILLIS = 60_000;

    private ErrorWording() {}

    /** Error lines seen in the minute before the newest point of {@code history} (per-second rates per round). */
    public static double perMinute(Series history) {
        long[] t = history.epochMillis();
        double[] v = history.values();
        int n = t.length;
        if (n == 0) return 0;
        long from = t[n - 1] - MINUTE_MILLIS;
        double lines = 0;
        for (int i = n - 1; i >= 1 && t[i] > from; i--) {
            if (!Double.isFinite(v[i])) continue;
            long dt = t[i] - Math.max(t[i - 1], from);
            lines += v[i] * dt / 1000.0;
        }
        return lines;
    }

    public static double perMinute(ContainerErrors errors) {
        double fromHistory = perMinute(errors.history());
        // A history of one point has no interval to integrate over; the round's own rate then says it.
        return errors.history().size() < 2 ? errors.perSecond() * 60 : fromHistory;
    }

    public static boolean active(ContainerErrors errors) {
        return perMinute(errors) > 0.005;
    }

    /** "3 error lines/min", "none now · 12 since start", "no error lines", or what stops the log being read. */
    public static String summary(ContainerErrors errors) {
        double perMinute = perMinute(errors);
        if (perMinute > 0.005) {
            String n = Figures.perMinute(perMinute);
            return T.get(n.equals("1") ? "errors.perMinute.one" : "errors.perMinute.many", n);
        }
        if (!errors.problem().isEmpty() && errors.total() == 0) return T.get("errors.unreadable");
        if (errors.total() > 0) return T.get("errors.noneNow", errors.total());
        return T.get("errors.zero");
    }
}
