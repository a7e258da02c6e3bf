package io.nightwatch.stack;

/** How a service is asked whether it is healthy. */
public enum ProbeProtocol { HTTP, REDIS }
