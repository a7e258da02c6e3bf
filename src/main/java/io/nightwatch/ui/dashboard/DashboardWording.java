package io.nightwatch.ui.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The dashboard's own words in one place (they move to resource bundles with issue 13). */
public final class DashboardWording {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public static final String START = "Start";
    public static final String RESTART = "Restart…";
    public static final String LOGS = "Logs…";
    public static final String NOT_DEPLOYED = "Not deployed here";
    public static final String WATCH_AGAIN = "Watch again";
    public static final String NOT_DEPLOYED_BY_PROFILE = "Not deployed (set in the profile)";
    public static final String NO_ACTIONS = "No actions: the engine and runbooks are not available";

    private DashboardWording() {}

    /** The marker on a tile whose problem began since the operator last looked: "NEW · 03:12". */
    static String newSince(Instant at, ZoneId zone) {
        return "NEW · " + HH_MM.format(at.atZone(zone));
    }
}
