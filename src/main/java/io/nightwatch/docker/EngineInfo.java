package io.nightwatch.docker;

/** What an engine says about itself. */
public record EngineInfo(String version, String apiVersion, String os, String arch) {}
