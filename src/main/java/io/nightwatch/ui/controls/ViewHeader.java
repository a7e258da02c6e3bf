package io.nightwatch.ui.controls;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What a view says in the window's header while it is on show: a summary, the age line (stale when the news stopped),
 * and the verdict pill (a state, its glyph and its word). The window binds the shown view's header; it does not know
 * which view it is.
 *
 * @param <S> the verdict's states (health or flow)
 */
public interface ViewHeader<S extends Enum<S>> {

    /** "5 up · 1 down", "3 firing · 1 pending". */
    ReadOnlyStringProperty summaryProperty();

    /** "updated 03:12:09", "no update for 45 s (last 03:11:24)". */
    ReadOnlyStringProperty lastUpdateProperty();

    /** The verdict's state: the pill's colour and glyph. */
    ReadOnlyObjectProperty<S> overallStateProperty();

    /** The verdict's word: "DOWN", "2 CRITICAL", "1 STALLED". */
    ReadOnlyStringProperty overallTextProperty();

    /** The age line is old: the source went quiet or failed. */
    ReadOnlyBooleanProperty staleProperty();

    /** How the verdict's state is drawn. */
    GlyphTable<S> verdictGlyphs();
}
