package io.nightwatch.ui.alerts;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.controls.Glyph;
import io.nightwatch.ui.controls.Severity;
import io.nightwatch.alerts.AlertNotifier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Shows the notices the {@link AlertsViewModel} decided on as ControlsFX desktop notifications (bottom right of the
 * window's screen, ten seconds, click to open the alert). Display is best effort: a toolkit that cannot show popups
 * (a headless test, a window not shown yet) costs a log line, never the notice's record in the model.
 */
public final class DesktopNotices {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotices.class);
    private static final Texts T = Texts.of(DesktopNotices.class);
    private static final Duration SHOWN_FOR = Duration.seconds(10);

    private DesktopNotices() {}

    /**
     * @param owner the window to show them over (null or not showing: not shown)
     * @param open  opens the alert view at an alert's id, or at -1 for a summary notice ("and 3 more")
     */
    public static void follow(AlertsViewModel model, Supplier<Window> owner, LongConsumer open) {
        model.getNotices().addListener((ListChangeListener<AlertNotifier.Notice>) change -> {
            while (change.next()) {
                if (change.wasAdded()) change.getAddedSubList().forEach(n -> show(n, owner.get(), open));
            }
        });
    }

    static void show(AlertNotifier.Notice notice, Window owner, LongConsumer open) {
        if (owner == null || !owner.isShowing()) return;
        try {
            Glyph<Severity> glyph = Glyph.severity(Severity.CRITICAL);
            glyph.getStyleClass().add("notice-glyph");
            Notifications notifications = Notifications.create()
                    .title(notice.title())
                    .text(notice.text().isBlank() ? T.get("notice.open") : notice.text())
                    .graphic(glyph)
                    .position(Pos.BOTTOM_RIGHT)
                    .hideAfter(SHOWN_FOR)
                    .owner(owner)
                    .styleClass("nightwatch-notice")
                    .onAction(e -> {
                        open.accept(notice.alertId().orElse(-1L));
                        if (owner instanceof Stage stage) {
                            stage.setIconified(false);
                            stage.toFront();
                        }
                    });
            if (owner.getScene() != null && owner.getScene().getStylesheets().stream().anyMatch(s -> s.contains("dark"))) {
                notifications.darkStyle();
            }
            notifications.show();
        } catch (RuntimeException e) {
            LOG.info("desktop notification not shown ({}): {}", e.toString(), notice.title());
        }
    }
}
