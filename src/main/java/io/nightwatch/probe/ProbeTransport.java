package io.nightwatch.probe;

/** Which path produced a probe's verdict; tiles show it, because "UP via exec" and "UP direct" mean different things. */
public enum ProbeTransport {
    DIRECT("direct"), EXEC("exec in container"), ENGINE_HEALTHCHECK("engine healthcheck"), NONE("none");

    private final String label;

    ProbeTransport(String label) { this.label = label; }

    public String label() { return label; }
}
