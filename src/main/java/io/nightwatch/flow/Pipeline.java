package io.nightwatch.flow;

/** The stack's data paths, in the order the pipeline view shows them. */
public enum Pipeline {
    METRICS("Metrics"), LOGS("Logs"), TRACES("Traces"), ALERTS("Alerts"), REDIS("Sessions (Redis)");

    private final String title;

    Pipeline(String title) { this.title = title; }

    public String title() { return title; }
}
