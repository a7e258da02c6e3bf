package io.nightwatch.ui.controls;

import io.nightwatch.text.Texts;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

import java.util.List;

/**
 * The last error lines of a container, one click away: a PopOver beside what was clicked, the lines in a
 * read-only monospaced text area (selectable, so a line can be copied into a search or a ticket).
 * Styled by {@code .error-lines-popover}, {@code .error-lines-title}, {@code .error-lines-text}.
 */
public final class ErrorLinesPopOver {

    private static final Texts T = Texts.of(ErrorLinesPopOver.class);

    private static final String OPEN = ErrorLinesPopOver.class.getName();
    private static final String CLOSED_AT = OPEN + ".closedAt";
    /** A click on the owner first auto-hides the open popup; a click that soon after means "close", not "reopen". */
    private static final long REOPEN_GUARD_NANOS = 400_000_000L;

    private ErrorLinesPopOver() {}

    /**
     * Opens the lines beside {@code owner}, newest last as in the log; a second click on the same owner closes them.
     *
     * @return the PopOver shown, or null when it was closed instead
     */
    public static PopOver toggle(Node owner, String title, String subtitle, List<String> lines) {
        if (owner.getProperties().get(OPEN) instanceof PopOver open && open.isShowing()) {
            open.hide(javafx.util.Duration.ZERO);
            return null;
        }
        if (owner.getProperties().remove(CLOSED_AT) instanceof Long closedAt && System.nanoTime() - closedAt < REOPEN_GUARD_NANOS) {
            return null;
        }
        Label heading = new Label(title);
        heading.getStyleClass().add("error-lines-title");
        Label caption = new Label(subtitle);
        caption.getStyleClass().add("error-lines-subtitle");
        // A blank line between entries: long lines wrap, and each must still read as one.
        TextArea text = new TextArea(lines.isEmpty() ? T.get("errors.none") : String.join("\n\n", lines));
        text.getStyleClass().add("error-lines-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.max(3, Math.min(16, lines.size() * 3)));
        VBox box = new VBox(heading, caption, text);
        box.getStyleClass().add("error-lines-box");

        PopOver pop = new PopOver(box);
        pop.getStyleClass().add("error-lines-popover");
        pop.setDetachable(false);
        pop.setAnimated(false);
        pop.setArrowLocation(arrowFor(owner));
        pop.setOnHidden(e -> {
            owner.getProperties().remove(OPEN);
            owner.getProperties().put(CLOSED_AT, System.nanoTime());
        });
        owner.getProperties().put(OPEN, pop);
        pop.show(owner);
        text.positionCaret(text.getLength()); // the newest line in view
        text.setScrollTop(Double.MAX_VALUE);
        return pop;
    }

    /** Opens towards the larger free side of the window, so the lines are not cut off at the bottom. */
    private static PopOver.ArrowLocation arrowFor(Node owner) {
        if (owner.getScene() == null) return PopOver.ArrowLocation.TOP_LEFT;
        Bounds b = owner.localToScene(owner.getBoundsInLocal());
        boolean lowerHalf = b.getCenterY() > owner.getScene().getHeight() / 2;
        boolean rightHalf = b.getCenterX() > owner.getScene().getWidth() / 2;
        if (lowerHalf) return rightHalf ? PopOver.ArrowLocation.BOTTOM_RIGHT : PopOver.ArrowLocation.BOTTOM_LEFT;
        return rightHalf ? PopOver.ArrowLocation.TOP_RIGHT : PopOver.ArrowLocation.TOP_LEFT;
    }
}
