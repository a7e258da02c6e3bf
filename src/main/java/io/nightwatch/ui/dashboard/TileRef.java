package io.nightwatch.ui.dashboard;

import io.nightwatch.health.HealthState;

/**
 * The service behind a tile, as its menu hands it to an action: enough to find its container, its runbook and its
 * engine, nothing of the tile's nodes.
 *
 * @param serviceId host/name, the profile's identity of the service
 * @param kind      the service kind's id ("redis", "loki"), which picks the matching runbook
 */
public record TileRef(String serviceId, String host, String service, String kind, HealthState state) {

    static TileRef of(TileFacts facts) {
        int slash = facts.id().indexOf('/');
        String host = slash < 0 ? "" : facts.id().substring(0, slash);
        return new TileRef(facts.id(), host, facts.title(), facts.kind(), facts.state());
    }
}
