package io.nightwatch.ui.readiness;

import io.nightwatch.audit.Verdict;

import java.time.Instant;

/** One recorded audit on the score chart. */
public record ScorePoint(Instant takenAt, Verdict verdict, int ok, int total) {

    /** 0..1; an audit without items counts as 0. */
    public double fraction() {
        return total == 0 ? 0 : (double) ok / total;
    }
}
