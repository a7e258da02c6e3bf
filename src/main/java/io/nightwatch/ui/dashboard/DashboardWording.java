package io.nightwatch.ui.dashboard;

import io.nightwatch.text.Texts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The tile menu's words and the "new" marker, looked up when shown (the language may change between runs). */
public final class DashboardWording {

    private static final Texts T = Texts.of(DashboardWording.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private DashboardWording() {}

    public static String start() { return T.get("tile.menu.start"); }
    public static String restart() { return T.get("tile.menu.restart"); }
    public static String logs() { return T.get("tile.menu.logs"); }
    public static String notDeployed() { return T.get("tile.menu.notDeployed"); }
    public static String watchAgain() { return T.get("tile.menu.watchAgain"); }
    public static String notDeployedByProfile() { return T.get("tile.menu.notDeployedByProfile"); }
    public static String noActions() { return T.get("tile.menu.noActions"); }

    /** The marker on a tile whose problem began since the operator last looked: "NEW · 03:12". */
    static String newSince(Instant at, ZoneId zone) {
        return T.get("tile.new", HH_MM.format(at.atZone(zone)));
    }
}
