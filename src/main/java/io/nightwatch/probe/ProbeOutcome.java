package io.nightwatch.probe;

/** What asking a service for its health produced. */
public enum ProbeOutcome {
    /** It answered healthy (2xx, PONG, engine healthcheck healthy). */
    HEALTHY,
    /** It answered, but not healthy (HTTP 503, healthcheck unhealthy, wrong reply). */
    UNHEALTHY,
    /** A connection was made but no answer came within the timeout. */
    TIMED_OUT,
    /** From inside its own container nothing listens on the port: the process is not serving. */
    REFUSED,
    /** This transport could not reach the service at all (port not published, no shell): try the next one. */
    UNREACHABLE,
    /** No transport could measure the service. */
    NOT_PROBED
}
