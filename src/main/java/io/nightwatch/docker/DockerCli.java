package io.nightwatch.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Docker CLI lines for an operator to run by hand against the same engine Nightwatch used: the address (and TLS
 * settings) in front, every argument quoted for a POSIX shell. Text to copy, never executed by Nightwatch.
 */
public final class DockerCli {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private DockerCli() {}

    /** {@code DOCKER_HOST=… docker ARGS…}; no prefix for the default local socket. */
    public static String line(EngineAddress engine, List<String> dockerArgs) {
        List<String> words = new ArrayList<>();
        if (!engine.uri().equals(EngineAddress.DEFAULT_SOCKET)) {
            words.add("DOCKER_HOST=" + quote(engine.uri()));
            if (engine.tlsVerify()) {
                words.add("DOCKER_TLS_VERIFY=1");
                engine.certPath().ifPresent(p -> words.add("DOCKER_CERT_PATH=" + quote(p.toString())));
            }
        }
        words.add("docker");
        for (String a : dockerArgs) words.add(quote(a));
        return String.join(" ", words);
    }

    /** The word as a POSIX shell reads it back unchanged. */
    public static String quote(String word) {
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
