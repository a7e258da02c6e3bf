package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.docker.InvalidEngineAddressException;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.stack.ProfileException;
import io.nightwatch.stack.ProfileLoader;
import io.nightwatch.stack.StackProfile;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** The options every command that talks to the stack shares: which profile, which engine. */
public class ProfileOptions {

    private static final Texts T = Texts.of(ProfileOptions.class);

    @Option(names = "--profile", paramLabel = "FILE")
    Path profile;

    @Option(names = {"-H", "--host"}, paramLabel = "URI")
    String host;

    /** The explicit profile file, else the configured one; empty for the built-in reference stack. */
    public java.util.Optional<Path> file(Map<String, String> env) {
        if (profile != null) return java.util.Optional.of(profile);
        return ProfileLoader.configDirectory(env).map(d -> d.resolve(ProfileLoader.FILE_NAME)).filter(java.nio.file.Files::isRegularFile);
    }

    /**
     * Loads the profile and checks every engine address it leads to (with {@code DOCKER_HOST}, Docker contexts and TLS
     * files), or says on {@code err} what is wrong and returns empty (exit {@code EXIT_USAGE}).
     */
    public java.util.Optional<StackProfile> loadOrReport(Map<String, String> env, java.io.PrintWriter err) {
        try {
            StackProfile loaded = load(env);
            for (DockerHostSpec h : loaded.hosts()) EngineAddress.resolve(h, env).requireTlsFiles();
            return java.util.Optional.of(loaded);
        } catch (ProfileException | InvalidEngineAddressException e) {
            err.println(NightwatchCommand.PREFIX + NightwatchCommand.oneLine(e.getMessage()));
            err.flush();
            return java.util.Optional.empty();
        }
    }

    public StackProfile load(Map<String, String> env) throws ProfileException {
        if (host != null) {
            if (host.isBlank()) throw new InvalidEngineAddressException(T.get("profile.emptyHost"));
            EngineAddress.checkSyntax(host.trim(), "--host");
        }
        StackProfile loaded = ProfileLoader.resolve(profile, env);
        return host == null ? loaded : loaded.withPrimaryHostAddress(host.trim());
    }
}
