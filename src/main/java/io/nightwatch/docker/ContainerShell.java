package io.nightwatch.docker;

import io.nightwatch.text.Texts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a short shell script on a container's files with whatever the container has. Lean images carry no
 * {@code rm}, {@code df} or {@code chown} binaries, often a bare {@code sh} (whose busybox still runs its applets),
 * sometimes nothing at all. So: {@code sh -c} inside the container when it has a shell that can do it, else a
 * short-lived helper container from the operator's helper image (the profile's {@code helperImage} of that host)
 * with {@code --volumes-from} the container. Values never enter the script text: they are positional parameters.
 */
public final class ContainerShell {

    private static final Texts T = Texts.of(ContainerShell.class);

    /** How a script reached the files, in the operator's words ("sh -c inside prometheus"). */
    public record Outcome(String route, ExecResult result) {}

    private final DockerGateway gateway;
    private final Optional<String> helperImage;

    public ContainerShell(DockerGateway gateway, Optional<String> helperImage) {
        this.gateway = gateway;
        this.helperImage = helperImage.filter(s -> !s.isBlank());
    }

    public Optional<String> helperImage() { return helperImage; }

    /** {@code sh -c SCRIPT sh ARGS...}: inside the script the values are {@code "$1"}, {@code "$2"}... */
    public static List<String> argv(String script, List<String> args) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        argv.addAll(args);
        return argv;
    }

    /**
     * On a running container: inside it with {@code sh -c}, else in the helper (when it has stopped meanwhile, as
     * {@link #inHelper}). {@code path} is where the script
     * works; a helper only sees it when it lies on one of the container's volumes or bind mounts.
     *
     * @throws ExecUnavailableException when neither way can run it, saying why
     */
    public Outcome inRunning(String container, String path, String script, List<String> args, Duration timeout) throws ExecUnavailableException {
        String noShell;
        try {
            return new Outcome("sh -c inside " + container, gateway.exec(container, argv(script, args), timeout));
        } catch (ExecUnavailableException e) {
            noShell = e.getMessage();
        }
        // Stopped meanwhile (killed, crashed): no exec at all, but its own image may well have a shell.
        if (gateway.inspect(container).map(c -> !c.running()).orElse(false)) return inHelper(container, path, script, args, timeout);
        return viaHelper(container, path, script, args, timeout, noShell);
    }

    /**
     * On a stopped (or any) container: a helper from the container's own image first (it may have a shell), else
     * from the helper image. Only paths on volumes or bind mounts are reachable this way.
     */
    public Outcome inHelper(String container, String path, String script, List<String> args, Duration timeout) throws ExecUnavailableException {
        Optional<ContainerFacts> facts = gateway.inspect(container);
        if (facts.isEmpty()) throw new ExecUnavailableException("no container " + container + " on " + gateway.address());
        requireMounted(container, path);
        String own = facts.get().image();
        try {
            return new Outcome(T.get("shell.helperOwn", own, container),
                    gateway.runHelper(own, container, argv(script, args), timeout));
        } catch (ExecUnavailableException e) {
            return viaHelper(container, path, script, args, timeout, e.getMessage());
        }
    }

    private Outcome viaHelper(String container, String path, String script, List<String> args, Duration timeout, String why)
            throws ExecUnavailableException {
        if (helperImage.isEmpty()) {
            throw new ExecUnavailableException(why + T.get("shell.noHelperImage"));
        }
        requireMounted(container, path);
        return new Outcome(T.get("shell.helper", helperImage.get(), container),
                gateway.runHelper(helperImage.get(), container, argv(script, args), timeout));
    }

    private void requireMounted(String container, String path) throws ExecUnavailableException {
        if (!onMount(gateway.mountPoints(container), path)) {
            throw new ExecUnavailableException(T.get("shell.notMounted", path, container));
        }
    }

    /** Whether {@code path} is a mount point or lies below one. */
    public static boolean onMount(List<String> mountPoints, String path) {
        for (String m : mountPoints) {
            String base = m.endsWith("/") && m.length() > 1 ? m.substring(0, m.length() - 1) : m;
            if (path.equals(base) || path.startsWith(base.equals("/") ? "/" : base + "/")) return true;
        }
        return false;
    }

    /** What the preview says about the route (nothing is contacted: docs are rendered from it too). */
    public String routeText(String container, boolean running) {
        String helper = helperImage.map(i -> T.get("route.helper", i, container)).orElse(T.get("route.noHelper"));
        return running ? T.get("route.inside", container, helper) : T.get("route.ownImage", container, helper);
    }
}
