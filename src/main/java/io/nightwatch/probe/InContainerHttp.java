package io.nightwatch.probe;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP GET from inside a container with its own {@code wget}, the way the stack's healthchecks do it. Used by
 * the health probes and by the metrics scrapes, so both reach services whose ports are not published here.
 */
public final class InContainerHttp {

    private static final Pattern HTTP_ERROR = Pattern.compile("(?:HTTP/\\d(?:\\.\\d)? |ERROR )(\\d{3})");

    private final Duration timeout;
    private final Set<String> withoutWgetTimeout = ConcurrentHashMap.newKeySet();

    public InContainerHttp(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Gives wget its own deadline ({@code -T}) so a hanging endpoint leaves no process behind in the container.
     * Some busybox builds lack that option (Debian's segfaults on it, exit 139); for those containers it falls back
     * to the plain form the stack's own healthchecks use, bounded by the exec timeout alone.
     *
     * @throws ExecUnavailableException when the container has no wget (or cannot exec at all)
     */
    public ExecResult get(DockerGateway gateway, String container, String url) throws ExecUnavailableException {
        ExecResult r = null;
        if (!withoutWgetTimeout.contains(container)) {
            long seconds = Math.max(1, timeout.toSeconds());
            r = gateway.exec(container, List.of("wget", "-q", "-T", String.valueOf(seconds), "-O", "-", url), timeout.plusSeconds(1));
            String said = r.stderr() + r.stdout();
            boolean optionRejected = r.exitCode() == 139 || said.contains("unrecognized option") || said.contains("invalid option"); // tool text: wget's words
            if (optionRejected) {
                withoutWgetTimeout.add(container);
                r = null;
            }
        }
        if (r == null) r = gateway.exec(container, List.of("wget", "-q", "-O", "-", url), timeout);
        if (r.exitCode() == 126 || r.exitCode() == 127) throw new ExecUnavailableException("wget is not available in " + container);
        return r;
    }

    public Duration timeout() { return timeout; }

    /** The HTTP status wget complained about ("server returned error: HTTP/1.1 503", GNU "ERROR 503"). */
    public static Optional<Integer> errorStatus(ExecResult r) {
        Matcher m = HTTP_ERROR.matcher(r.stdout() + "\n" + r.stderr());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    public static boolean refused(ExecResult r) {
        String said = r.stdout() + "\n" + r.stderr();
        return said.contains("refused") || said.contains("can't connect");
    }

    public static boolean timedOut(ExecResult r) {
        return r.timedOut() || (r.stdout() + r.stderr()).contains("timed out"); // tool text: wget's words
    }
}
