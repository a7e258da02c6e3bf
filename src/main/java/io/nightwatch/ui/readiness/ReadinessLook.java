package io.nightwatch.ui.readiness;

import io.nightwatch.audit.AuditItem;
import io.nightwatch.audit.Verdict;
import io.nightwatch.ui.controls.GlyphTable;
import io.nightwatch.ui.fx.EnumStyles;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How verdicts, statuses and risks reach CSS: pseudo-classes {@code :ready :conditional :not-ready},
 * {@code :ok :risk :missing :unknown} and {@code :low :medium :high :critical}; the sheet decides the colours. A verdict's
 * glyph reuses the wizard's shapes: a tick is ready, a triangle with a bang conditional, an octagon with a cross not ready.
 */
public final class ReadinessLook {

    public static final EnumStyles<Verdict> VERDICT = EnumStyles.of(Verdict.class, null, ReadinessLook::cssName);
    public static final EnumStyles<AuditItem.Status> STATUS = EnumStyles.of(AuditItem.Status.class, null);
    public static final EnumStyles<AuditItem.Risk> RISK = EnumStyles.of(AuditItem.Risk.class, null);

    public static final GlyphTable<Verdict> VERDICT_GLYPHS = GlyphTable.of(List.of("state-glyph", "verdict-glyph"), VERDICT, null, Map.of(
            Verdict.READY, GlyphTable.STEP_SHAPES.get("done"),
            Verdict.CONDITIONAL, GlyphTable.STEP_SHAPES.get("undo-failed"),
            Verdict.NOT_READY, GlyphTable.STEP_SHAPES.get("failed")));

    private ReadinessLook() {}

    private static String cssName(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
