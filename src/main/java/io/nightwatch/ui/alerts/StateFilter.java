package io.nightwatch.ui.alerts;

import io.nightwatch.store.AlertState;

import java.util.EnumSet;
import java.util.Set;

/** The state choices of the filter bar: any, open (not resolved), or one state. */
public enum StateFilter {
    ANY("Any state", EnumSet.noneOf(AlertState.class)),
    OPEN("Open", EnumSet.of(AlertState.PENDING, AlertState.FIRING, AlertState.SUPPRESSED)),
    FIRING("Firing", EnumSet.of(AlertState.FIRING)),
    PENDING("Pending", EnumSet.of(AlertState.PENDING)),
    SUPPRESSED("Suppressed", EnumSet.of(AlertState.SUPPRESSED)),
    RESOLVED("Resolved", EnumSet.of(AlertState.RESOLVED));

    private final String label;
    private final EnumSet<AlertState> states;

    StateFilter(String label, EnumSet<AlertState> states) {
        this.label = label;
        this.states = states;
    }

    public String label() { return label; }

    /** Empty for ANY: no restriction. */
    public Set<AlertState> states() { return EnumSet.copyOf(states); }

    @Override
    public String toString() { return label; }
}
