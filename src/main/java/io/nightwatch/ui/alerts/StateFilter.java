package io.nightwatch.ui.alerts;

import io.nightwatch.store.AlertState;

import java.util.EnumSet;
import java.util.Set;

/** The state choices of the filter bar: any, open (not resolved), or one state. */
public enum StateFilter {
    ANY(EnumSet.noneOf(AlertState.class)),
    OPEN(EnumSet.of(AlertState.PENDING, AlertState.FIRING, AlertState.SUPPRESSED)),
    FIRING(EnumSet.of(AlertState.FIRING)),
    PENDING(EnumSet.of(AlertState.PENDING)),
    SUPPRESSED(EnumSet.of(AlertState.SUPPRESSED)),
    RESOLVED(EnumSet.of(AlertState.RESOLVED));

    private final EnumSet<AlertState> states;

    StateFilter(EnumSet<AlertState> states) {
        this.states = states;
    }

    /** "Any state", "Firing"… in the reader's language. */
    public String label() { return AlertWording.word("filter.state.", name()); }

    /** Empty for ANY: no restriction. */
    public Set<AlertState> states() { return EnumSet.copyOf(states); }

    @Override
    public String toString() { return label(); }
}
