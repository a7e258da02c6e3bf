package io.nightwatch.runbook.backup;

import io.nightwatch.runbook.Step;

/**
 * What every step on one service holds: the way to it ({@link ServiceAccess}), its name in ids and titles, and the
 * keys under which it keeps in the run's journal what its undo or a resume needs.
 */
public abstract class ServiceStep implements Step {

    protected final ServiceAccess service;

    protected ServiceStep(ServiceAccess service) {
        this.service = service;
    }

    /** The service's name in the profile. */
    protected final String name() { return service.spec().name(); }

    /** The step's id: "{verb}-{service}". */
    protected final String stepId(String verb) { return verb + "-" + name(); }

    /** A journal key of this service: "{area}.{service}.{what}" (kept as they were, so older journals still resume). */
    protected final String key(String area, String what) { return key(service, area, what); }

    public static String key(ServiceAccess service, String area, String what) {
        return area + "." + service.spec().name() + "." + what;
    }
}
