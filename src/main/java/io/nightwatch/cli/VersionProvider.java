package io.nightwatch.cli;

import picocli.CommandLine;

/** The version the jar was built as (from its manifest), or "development" when run from classes. */
public class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"nightwatch " + (version == null ? "development" : version)};
    }
}
