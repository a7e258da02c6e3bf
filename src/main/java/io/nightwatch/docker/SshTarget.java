package io.nightwatch.docker;

import io.nightwatch.text.Texts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * An {@code ssh://[user@]host[:port]} engine address, reached as the Docker CLI reaches it: one
 * {@code ssh … docker system dial-stdio} per connection, through the system's {@code ssh} (so the operator's
 * ssh config, agent and known_hosts apply).
 */
record SshTarget(Optional<String> user, String host, OptionalInt port) {

    private static final Texts T = Texts.of(SshTarget.class);

    static final String SCHEME = "ssh://";
    /** Read from the environment: an ssh config file passed with {@code -F} (a dedicated one for Nightwatch, or tests). */
    static final String CONFIG_ENV = "NIGHTWATCH_SSH_CONFIG";

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,252}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    static boolean is(String uri) {
        return uri.startsWith(SCHEME);
    }

    /** Why {@code uri} is no usable ssh address, or null when it is. */
    static String problem(String uri) {
        try {
            parse(uri);
            return null;
        } catch (InvalidEngineAddressException e) {
            return e.getMessage();
        }
    }

    /** @throws InvalidEngineAddressException saying what is wrong (never echoing a password) */
    static SshTarget parse(String uri) {
        String rest = uri.substring(SCHEME.length());
        if (rest.endsWith("/")) rest = rest.substring(0, rest.length() - 1);
        if (rest.isEmpty()) throw bad(T.get("ssh.noHost"));
        if (rest.contains("/") || rest.contains("?") || rest.contains("#")) throw bad(T.get("ssh.extra"));
        Optional<String> user = Optional.empty();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String u = rest.substring(0, at);
            if (u.contains(":")) throw bad(T.get("ssh.password"));
            if (!USER.matcher(u).matches()) throw bad(T.get("ssh.user"));
            user = Optional.of(u);
            rest = rest.substring(at + 1);
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) throw bad(T.get("ssh.ipv6Close"));
            host = rest.substring(1, close);
            if (!IPV6.matcher(host).matches()) throw bad(T.get("ssh.ipv6Invalid"));
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) throw bad(T.get("ssh.ipv6Port"));
                portText = after.substring(1);
            }
        } else {
            int colon = rest.indexOf(':');
            if (colon >= 0) {
                if (rest.indexOf(':', colon + 1) >= 0) throw bad(T.get("ssh.ipv6Brackets"));
                portText = rest.substring(colon + 1);
                rest = rest.substring(0, colon);
            }
            host = rest;
            // a leading '-' would read as an ssh option
            if (!HOST.matcher(host).matches()) throw bad(T.get("ssh.host"));
        }
        OptionalInt port = OptionalInt.empty();
        if (portText != null) {
            int p = portText.matches("[0-9]{1,5}") ? Integer.parseInt(portText) : -1;
            if (p < 1 || p > 65535) throw bad(T.get("ssh.port"));
            port = OptionalInt.of(p);
        }
        return new SshTarget(user, host, port);
    }

    private static InvalidEngineAddressException bad(String why) {
        return new InvalidEngineAddressException(why);
    }

    /**
     * The argv the Docker CLI's ssh helper runs, plus BatchMode (never a prompt: there is no terminal to answer it)
     * and a connect timeout.
     */
    List<String> command(Optional<String> sshConfig, Duration connectTimeout) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=" + Math.max(1, (connectTimeout.toMillis() + 999) / 1000), "-T"));
        sshConfig.ifPresent(f -> argv.addAll(List.of("-F", f)));
        port.ifPresent(p -> argv.addAll(List.of("-p", Integer.toString(p))));
        user.ifPresent(u -> argv.addAll(List.of("-l", u)));
        argv.addAll(List.of("--", host, "docker", "system", "dial-stdio"));
        return argv;
    }

    /** How the operator checks the host key by hand: {@code ssh [-p PORT] HOST}. */
    String sshHint() {
        return "ssh " + (port.isPresent() ? "-p " + port.getAsInt() + " " : "") + host;
    }
}
