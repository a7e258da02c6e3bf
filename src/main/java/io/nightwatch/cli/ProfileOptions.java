package io.nightwatch.cli;

import io.nightwatch.stack.ProfileException;
import io.nightwatch.stack.ProfileLoader;
import io.nightwatch.stack.StackProfile;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** The options every command that talks to the stack shares: which profile, which engine. */
public class ProfileOptions {

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Stack profile (YAML). Default: $XDG_CONFIG_HOME/nightwatch/profile.yaml, else the built-in reference stack.")
    Path profile;

    @Option(names = {"-H", "--host"}, paramLabel = "URI",
            description = "Docker engine of the first host, e.g. unix:///var/run/docker.sock or tcp://10.0.0.5:2376 (overrides DOCKER_HOST).")
    String host;

    /** Loads the profile, or says on {@code err} what is wrong with it and returns empty (exit {@code EXIT_USAGE}). */
    public java.util.Optional<StackProfile> loadOrReport(Map<String, String> env, java.io.PrintWriter err) {
        try {
            return java.util.Optional.of(load(env));
        } catch (ProfileException e) {
            err.println("nightwatch: " + e.getMessage());
            err.flush();
            return java.util.Optional.empty();
        }
    }

    public StackProfile load(Map<String, String> env) throws ProfileException {
        StackProfile loaded = ProfileLoader.resolve(profile, env);
        return host == null ? loaded : loaded.withPrimaryHostAddress(host);
    }
}
