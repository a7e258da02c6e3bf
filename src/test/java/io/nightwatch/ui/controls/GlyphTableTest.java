package io.nightwatch.ui.controls;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every state of every glyph kind has its own shape, so a state reads without colour (no toolkit needed). */
class GlyphTableTest {

    @Test
    void everyStateHasADistinctShape() {
        for (GlyphTable<?> table : List.of(GlyphTable.HEALTH, GlyphTable.FLOW, GlyphTable.SEVERITY, GlyphTable.ALERT_STATE, GlyphTable.BELL)) {
            Class<?> type = table.shapes().keySet().iterator().next().getDeclaringClass();
            assertEquals(type.getEnumConstants().length, table.shapes().size(), "a shape for every " + type.getSimpleName());
            Set<GlyphTable.Shape> distinct = new HashSet<>(table.shapes().values());
            assertEquals(table.shapes().size(), distinct.size(), type.getSimpleName() + " states share a shape");
        }
    }

    @Test
    void nullIsDrawnAsTheTablesStandIn() {
        assertEquals(GlyphTable.HEALTH.shapes().get(io.nightwatch.health.HealthState.UNKNOWN), GlyphTable.HEALTH.shape(null));
        assertEquals(GlyphTable.EMPTY, GlyphTable.ALERT_STATE.shape(null), "an alert without a state: an empty circle");
        assertTrue(GlyphTable.ALERT_STATE.styles().label(null).isEmpty());
        assertEquals("UNKNOWN", GlyphTable.FLOW.styles().label(null));
    }
}
