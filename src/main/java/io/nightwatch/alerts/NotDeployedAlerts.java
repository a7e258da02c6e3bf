package io.nightwatch.alerts;

import io.nightwatch.stack.NotDeployed;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertOccurrence;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Alerts about a service the operator said is not deployed here: they stay in the history (Prometheus' own rules,
 * e.g. LokiDown, keep firing until the rule is removed) but raise nothing — no desktop notice, no incident. An alert
 * that names a host is matched on that host only; one that names none (most Prometheus rules) matches the service
 * name on any host where it is not deployed.
 */
public final class NotDeployedAlerts implements Predicate<AlertOccurrence> {

    private final List<ServiceSpec> services;
    private final NotDeployed notDeployed;

    public NotDeployedAlerts(StackProfile profile, NotDeployed notDeployed) {
        this.services = List.copyOf(profile.services());
        this.notDeployed = notDeployed;
    }

    /** True when the alert is about a service not deployed on its host (or on every host it could mean). */
    @Override
    public boolean test(AlertOccurrence a) {
        String name = a.service().strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) return false;
        String host = a.labels().getOrDefault("host", "").strip();
        List<ServiceSpec> meant = services.stream()
                .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(name) || s.container().toLowerCase(Locale.ROOT).equals(name))
                .filter(s -> host.isEmpty() || s.host().equals(host))
                .toList();
        return !meant.isEmpty() && meant.stream().allMatch(s -> notDeployed.contains(s.id()));
    }
}
