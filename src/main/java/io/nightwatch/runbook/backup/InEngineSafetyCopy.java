package io.nightwatch.runbook.backup;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ContainerShell;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The restore's safety copy, kept inside the engine: with the service stopped, one short-lived helper container
 * checks the data directory and moves everything in it into a new folder on the same volume
 * ({@code .nightwatch-safety-<run id>}). A move within one file system is a rename, instant whatever the size, and
 * leaves the directory empty for the set's files. The undo moves the restored files into a discard folder first,
 * then the safety copy back, and only then deletes the discard folder: a failed cleanup never costs the old data.
 * <p>
 * Helpers come from images the engine already has: the service's own, else the host's helper image; the undo tries
 * the image that did the move first, so it needs no tool that was not there a moment ago. Moves never follow links:
 * a link is moved as itself, and a safety or discard folder that is a link is refused.
 */
final class InEngineSafetyCopy extends ServiceStep {

    static final String PREFIX = ".nightwatch-safety-";
    static final String DISCARD_PREFIX = ".nightwatch-discard-";

    /**
     * $1 data directory, $2 safety folder name. Prints "owner UID:GID" (before anything moves) and "moved N"; the
     * safety folder gets the directory's owner where the image has chown (the service may walk its directory). One
     * line (the operator may paste it), written here one statement a line.
     */
    static final String SET_ASIDE_SCRIPT = oneLine("""
            d=$1; s=$1/$2;
            [ -d "$d" ] && [ ! -L "$d" ] || { echo "$d is not a directory" >&2; exit 3; };
            set -f; set -- $(ls -nd -- "$d"); set +f;
            case "$3:$4" in *[!0-9:]*|:*|*:) echo "cannot read the owner of $d" >&2; exit 3;; esac;
            echo "owner $3:$4";
            if [ -L "$s" ] || { [ -e "$s" ] && [ ! -d "$s" ]; }; then echo "$s is not a folder Nightwatch made" >&2; exit 4; fi;
            [ -d "$s" ] || mkdir -m 700 -- "$s" || exit 4;
            chown -h -- "$3:$4" "$s" 2>/dev/null || :;
            set --;
            for e in "$d"/* "$d"/.[!.]* "$d"/..?*; do
              [ -e "$e" ] || [ -L "$e" ] || continue;
              case ${e##*/} in .nightwatch-*) continue;; esac;
              set -- "$@" "$e";
            done;
            [ $# -eq 0 ] || mv -- "$@" "$s"/ || exit 5;
            echo "moved $#"
            """);

    /**
     * $1 data directory, $2 safety folder name, $3 discard folder name. Safe to repeat after a crash at any point: the
     * discard folder gets its final name only once every restored entry is in it, and the safety folder goes only once
     * it is empty. Exit 7: put back, but the discard folder could not be removed.
     */
    static final String PUT_BACK_SCRIPT = oneLine("""
            d=$1; s=$1/$2; x=$1/$3; p=$1/$3.part;
            mine() { if [ -L "$1" ]; then return 2; elif [ -d "$1" ]; then return 0; elif [ -e "$1" ]; then return 2; fi; return 1; };
            [ -d "$d" ] && [ ! -L "$d" ] || { echo "$d is not a directory" >&2; exit 3; };
            mine "$s"; case $? in
              2) echo "$s is not a folder Nightwatch made" >&2; exit 4;;
              1) if mine "$x"; then rm -rf -- "$x" || { echo "kept $x"; exit 7; }; fi; echo "nothing to put back"; exit 0;;
            esac;
            mine "$x"; r=$?;
            [ $r -ne 2 ] || { echo "$x is not a folder Nightwatch made" >&2; exit 4; };
            if [ $r -eq 1 ]; then
              mine "$p"; case $? in 2) echo "$p is not a folder Nightwatch made" >&2; exit 4;; 1) mkdir -m 700 -- "$p" || exit 4;; esac;
              set --;
              for e in "$d"/* "$d"/.[!.]* "$d"/..?*; do
                [ -e "$e" ] || [ -L "$e" ] || continue;
                case ${e##*/} in .nightwatch-*) continue;; esac;
                set -- "$@" "$e";
              done;
              [ $# -eq 0 ] || mv -- "$@" "$p"/ || exit 5;
              mv -- "$p" "$x" || exit 5;
            fi;
            set --;
            for e in "$s"/* "$s"/.[!.]* "$s"/..?*; do
              [ -e "$e" ] || [ -L "$e" ] || continue;
              set -- "$@" "$e";
            done;
            [ $# -eq 0 ] || mv -- "$@" "$d"/ || exit 6;
            rmdir -- "$s" || exit 6;
            echo "put back $#";
            rm -rf -- "$x" || { echo "kept $x"; exit 7; }
            """);

    private static String oneLine(String script) {
        return script.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static final Duration HELPER_WITHIN = Duration.ofMinutes(2);

    InEngineSafetyCopy(ServiceAccess service) {
        super(service);
    }

    /** Where the safety copy is: "{data path}/.nightwatch-safety-{run id}" (journaled before anything moves). */
    static String safetyKey(ServiceAccess s) { return "safety." + s.spec().name(); }

    /** The data directory's owner "uid:gid", which the restored files get in their tar headers. */
    static String ownerKey(ServiceAccess s) { return key(s, "safety", "owner"); }

    private String imageKey() { return key("safety", "image"); }

    private String ranKey() { return key("safety", "ran"); }

    private String warningKey() { return "warning.safety-" + name(); }

    static String safetyName(RunContext ctx) { return PREFIX + ctx.runId().replaceAll("[^A-Za-z0-9._-]", ""); }

    static String discardName(RunContext ctx) { return DISCARD_PREFIX + ctx.runId().replaceAll("[^A-Za-z0-9._-]", ""); }

    public String id() { return stepId("safety-copy"); }
    public String title() { return "Take a safety copy of " + name() + "'s current data"; }
    public String explanation() {
        return "With " + name() + " stopped, a short-lived helper container (from the service's own image, or the host's "
                + "helper image when that has no shell) moves everything in " + path() + " into " + path() + "/" + PREFIX
                + "<run id> on the same volume: a rename, instant whatever the size, which leaves the directory empty for the "
                + "set's files. Nothing is copied out of the engine.";
    }
    public String preconditionText() {
        return "The data directory is on a volume or bind mount of the container, so a helper container can reach it.";
    }
    public List<String> preview(RunContext ctx) {
        return List.of("move " + path() + "/* into " + path() + "/" + PREFIX + "<run id>/ (sh -c, mv) via "
                + service.shell().routeText(service.container(), false), "note the owner uid:gid of " + path());
    }
    public Check precondition(RunContext ctx) {
        String path = path();
        if (!path.startsWith("/") || path.equals("/") || path.contains("/..") || path.contains("/./") || path.endsWith("/")) {
            return Check.failed("refusing to work on the data path '" + path + "'");
        }
        if (!ContainerShell.onMount(service.gateway().mountPoints(service.container()), path)) {
            return Check.failed(path + " is not on a volume or bind mount of " + service.container() + ", so a helper container cannot reach it");
        }
        return Check.ok();
    }
    public void execute(RunContext ctx) throws IOException {
        String path = path();
        String safety = safetyName(ctx);
        // Journaled first: a crash while the helper moves still leaves the abort a way back.
        ctx.put(safetyKey(service), path + "/" + safety);
        Helper helper = run(ctx, SET_ASIDE_SCRIPT, List.of(path, safety), ctx.get(imageKey()));
        String out = helper.result().stdout();
        if (!helper.result().succeeded()) {
            throw new IOException("setting " + path + " aside failed (" + helper.route() + "): "
                    + (out + helper.result().stderr()).strip());
        }
        String owner = line(out, "owner ").orElseThrow(() -> new IOException("the helper did not report the owner of " + path));
        ctx.put(ownerKey(service), owner);
        ctx.output(name() + "'s current data (" + line(out, "moved ").orElse("?") + " entries) moved to " + path + "/" + safety
                + " on its volume (" + helper.route() + "); owner " + owner);
        ctx.put(warningKey(), name() + "'s data from before the restore is kept on its volume in " + path + "/" + safety
                + " (it takes disk space). Once the restored data is confirmed, remove it: `"
                + service.byHand(helperArgs(helper.image(), List.of("rm", "-rf", "--", path + "/" + safety)))
                + "`. To go back to it instead, with " + service.container() + " stopped: `" + putBackByHand(ctx, helper.image()) + "`");
    }
    public String compensation() {
        return "Move the restored files into a discard folder, move the safety copy back, then delete the discard folder.";
    }
    public void compensate(RunContext ctx) throws IOException {
        Optional<String> kept = ctx.get(safetyKey(service));
        if (kept.isEmpty()) return; // never began
        String path = path();
        if (!kept.get().equals(path + "/" + safetyName(ctx))) {
            // A run of an earlier version copied the data out to this workstation instead.
            throw new IOException("this run kept its safety copy on this workstation, in " + kept.get() + "; copy it back by hand on "
                    + "that host, with " + service.container() + " stopped and " + path + " emptied: `"
                    + service.byHand(List.of("cp", kept.get() + "/.", service.container() + ":" + path)) + "`");
        }
        Optional<ContainerFacts> facts = service.gateway().inspect(service.container());
        if (facts.map(ContainerFacts::running).orElse(false)) {
            throw new IOException(service.container() + " is running, so its data is not moved under it. Stop it, then put the "
                    + "safety copy back by hand on that host: `" + putBackByHand(ctx, ctx.get(imageKey()).orElse(fallbackImage())) + "`");
        }
        Helper helper;
        try {
            helper = run(ctx, PUT_BACK_SCRIPT, List.of(path, safetyName(ctx), discardName(ctx)), ctx.get(imageKey()));
        } catch (IOException e) {
            // No image could run the script now: when none ran the move before either, nothing was moved.
            if (ctx.get(ranKey()).isEmpty()) return;
            throw new IOException(e.getMessage() + ". By hand on that host: `" + putBackByHand(ctx, ctx.get(imageKey()).orElse(fallbackImage())) + "`", e);
        }
        ExecResult r = helper.result();
        String text = (r.stdout() + r.stderr()).strip();
        if (r.exitCode() != 0 && r.exitCode() != 7) {
            throw new IOException("putting the safety copy back failed (" + helper.route() + "): " + text
                    + ". It is still in " + path + "/" + safetyName(ctx) + " on the volume. By hand on that host: `"
                    + putBackByHand(ctx, helper.image()) + "`");
        }
        ctx.put(warningKey(), r.exitCode() == 7
                ? "The restored files set aside in " + path + "/" + discardName(ctx) + " could not be removed (" + text + "); remove them: `"
                + service.byHand(helperArgs(helper.image(), List.of("rm", "-rf", "--", path + "/" + discardName(ctx)))) + "`"
                : "");
        ctx.output(name() + "'s data is back in " + path + " (" + line(r.stdout(), "put back ").map(n -> n + " entries").orElse(text) + ")");
    }

    private record Helper(String image, String route, ExecResult result) {}

    /**
     * Runs {@code script} in a helper container with the container's volumes: from {@code first} (the image that ran
     * before), the container's own image, then the host's helper image, the first that can run a shell.
     */
    private Helper run(RunContext ctx, String script, List<String> args, Optional<String> first) throws IOException {
        DockerGateway engine = service.gateway();
        String container = service.container();
        Set<String> images = new LinkedHashSet<>();
        first.ifPresent(images::add);
        engine.inspect(container).map(ContainerFacts::image).ifPresent(images::add);
        service.shell().helperImage().ifPresent(images::add);
        if (images.isEmpty()) throw new IOException("no container " + container + " on " + engine.address());
        List<String> why = new ArrayList<>();
        for (String image : images) {
            try {
                ExecResult r = engine.runHelper(image, container, ContainerShell.argv(script, args), HELPER_WITHIN);
                if (!ctx.get(imageKey()).map(image::equals).orElse(false)) ctx.put(imageKey(), image);
                if (ctx.get(ranKey()).isEmpty()) ctx.put(ranKey(), "yes");
                return new Helper(image, "helper container from " + image + " with --volumes-from " + container, r);
            } catch (ExecUnavailableException e) {
                why.add(e.getMessage());
            }
        }
        String none = service.shell().helperImage().isEmpty()
                ? "; no helper image is named for this host (the profile's hosts[].helperImage, a local image with a shell, e.g. busybox)" : "";
        throw new IOException("cannot reach " + path() + ": " + String.join("; ", why) + none);
    }

    private List<String> helperArgs(String image, List<String> command) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "none", "--volumes-from", service.container(), image));
        args.addAll(command);
        return args;
    }

    /** The exact command that puts the safety copy back on that host (the container stopped). */
    private String putBackByHand(RunContext ctx, String image) {
        List<String> command = new ArrayList<>(ContainerShell.argv(PUT_BACK_SCRIPT, List.of(path(), safetyName(ctx), discardName(ctx))));
        return service.byHand(helperArgs(image, command));
    }

    private String fallbackImage() {
        return service.shell().helperImage().orElse("busybox");
    }

    private String path() { return service.spec().dataPath().orElse(""); }

    private static Optional<String> line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip()).findFirst();
    }
}
