package io.nightwatch.ui.controls;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;

/**
 * A bell: the Alerts entry's icon and the notification switch's. Struck through when {@code muted} (pseudo-class
 * {@code :muted}); {@code :ringing} when something critical fires, so the shape changes too (a bang on the bell),
 * not only the colour. Style classes {@code .bell-glyph > .bell}, {@code > .bell-mark}.
 */
public class BellGlyph extends StackPane {

    private static final PseudoClass MUTED = PseudoClass.getPseudoClass("muted");
    private static final PseudoClass RINGING = PseudoClass.getPseudoClass("ringing");
    private static final String BELL = "M12 2.2 C8.3 2.2 6.2 5 6.2 8.5 L6.2 13.4 L3.8 17.2 L20.2 17.2 L17.8 13.4 L17.8 8.5 "
            + "C17.8 5 15.7 2.2 12 2.2 Z M9.5 18.6 A2.5 2.5 0 0 0 14.5 18.6 Z";
    private static final String SLASH = "M3.2 2.8 L20.8 21.2";
    private static final String BANG = "M12 6.4 L12 11.4 M12 14.2 L12 14.4";

    private final SVGPath bell = new SVGPath();
    private final SVGPath mark = new SVGPath();
    private final BooleanProperty muted = new SimpleBooleanProperty(this, "muted") {
        @Override
        protected void invalidated() {
            draw();
        }
    };
    private final BooleanProperty ringing = new SimpleBooleanProperty(this, "ringing") {
        @Override
        protected void invalidated() {
            draw();
        }
    };

    public BellGlyph() {
        getStyleClass().add("bell-glyph");
        bell.getStyleClass().add("bell");
        bell.setContent(BELL);
        mark.getStyleClass().add("bell-mark");
        getChildren().addAll(bell, mark);
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        draw();
    }

    private void draw() {
        pseudoClassStateChanged(MUTED, isMuted());
        pseudoClassStateChanged(RINGING, isRinging() && !isMuted());
        mark.setContent(isMuted() ? SLASH : isRinging() ? BANG : "");
    }

    public BooleanProperty mutedProperty() { return muted; }
    public boolean isMuted() { return muted.get(); }
    public void setMuted(boolean value) { muted.set(value); }

    public BooleanProperty ringingProperty() { return ringing; }
    public boolean isRinging() { return ringing.get(); }
    public void setRinging(boolean value) { ringing.set(value); }
}
