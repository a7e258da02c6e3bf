package io.nightwatch.audit;

/** The answer per phase; the CLI's exit code is its ordinal (0 READY, 1 CONDITIONAL, 2 NOT_READY). */
public enum Verdict {
    READY, CONDITIONAL, NOT_READY;

    public int exitCode() { return ordinal(); }

    static Verdict worst(Verdict a, Verdict b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
