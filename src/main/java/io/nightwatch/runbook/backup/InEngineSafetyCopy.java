package io.nightwatch.runbook.backup;

import io.nightwatch.docker.ContainerFacts;
import io.nightwatch.docker.ContainerShell;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.ExecResult;
import io.nightwatch.docker.ExecUnavailableException;
import io.nightwatch.runbook.Check;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.text.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * leaves the directory empty for the set's files. As the swap ({@link #swapping}), the same helper then moves the
 * entries {@link RestoreSteps.StageData} staged beside the data into it. The undo moves the restored files into a
 * discard folder first, then the safety copy back, and only then deletes the discard folder: a failed cleanup never
 * costs the old data.
 * <p>
 * Helpers come from images the engine already has: the service's own, else the host's helper image; the undo tries
 * the image that did the move first, so it needs no tool that was not there a moment ago. Moves never follow links:
 * a link is moved as itself, and a safety or discard folder that is a link is refused.
 */
final class InEngineSafetyCopy extends ServiceStep {

    private static final Texts T = Texts.of(InEngineSafetyCopy.class);

    static final String PREFIX = ".nightwatch-safety-";
    static final String DISCARD_PREFIX = ".nightwatch-discard-";

    /**
     * $1 data directory, $2 safety folder name. Prints "owner UID:GID" (before anything moves) and "moved N"; the
     * safety folder gets the directory's owner where the image has chown (the service may walk its directory). One
     * line (the operator may paste it), written in set-aside.sh one statement a line.
     */
    static final String SET_ASIDE_SCRIPT = movingScript("set-aside.sh");

    /**
     * $1 data directory, $2 safety folder name, $3 discard folder name. Safe to repeat after a crash at any point: the
     * discard folder gets its final name only once every restored entry is in it, and the safety folder goes only once
     * it is empty. Exit 7: put back, but the discard folder could not be removed. Written in put-back.sh.
     */
    static final String PUT_BACK_SCRIPT = movingScript("put-back.sh");

    /**
     * $1 data directory, $2 safety folder name, $3 staging folder name, $4 owner uid:gid for the safety folder. Sets
     * the old entries aside as set-aside.sh does, then renames the staging folder to "$3.swap" (the mark that the old
     * data is all aside) and moves its entries into the directory. Safe to repeat after a crash at any point. Prints
     * "moved N", "placed N", and "kept F" when the empty staging folder could not be removed. Written in swap.sh.
     */
    static final String SWAP_SCRIPT = movingScript("swap.sh");

    /** A script beside this class, one statement a line there (so no comments: the lines are joined into one). */
    static String script(String name) {
        return oneLine(resource(name));
    }

    /** A script that moves folders' entries: moves.sh ({@code mine}, {@code move_all}) comes first, in the same line. */
    private static String movingScript(String name) {
        return oneLine(resource("moves.sh") + "\n" + resource(name));
    }

    private static String resource(String name) {
        try (InputStream in = InEngineSafetyCopy.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("no " + name + " beside " + InEngineSafetyCopy.class.getName());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String oneLine(String script) {
        return script.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static final String PUT_BACK_LINE = "put back "; // tool text: put-back.sh's report line

    static final Duration HELPER_WITHIN = Duration.ofMinutes(2);

    /** Whether the set's files are already staged beside the data (then this step also swaps them in). */
    private final boolean staged;

    InEngineSafetyCopy(ServiceAccess service) {
        this(service, false);
    }

    private InEngineSafetyCopy(ServiceAccess service, boolean staged) {
        super(service);
        this.staged = staged;
    }

    /** The step that sets the old data aside and moves the files {@link RestoreSteps.StageData} staged into its place. */
    static InEngineSafetyCopy swapping(ServiceAccess service) {
        return new InEngineSafetyCopy(service, true);
    }

    /** Where the safety copy is: "{data path}/.nightwatch-safety-{run id}" (journaled before anything moves). */
    static String safetyKey(ServiceAccess s) { return "safety." + s.spec().name(); }

    /** The data directory's owner "uid:gid", which the restored files get in their tar headers. */
    static String ownerKey(ServiceAccess s) { return key(s, "safety", "owner"); }

    private String imageKey() { return key("safety", "image"); }

    private String ranKey() { return key("safety", "ran"); }

    private String warningKey() { return "warning.safety-" + name(); }

    static String safetyName(RunContext ctx) { return folderName(PREFIX, ctx); }

    static String discardName(RunContext ctx) { return folderName(DISCARD_PREFIX, ctx); }

    /** A restore's folder on the volume: {@code prefix} and the run id, with only the characters a name may hold. */
    static String folderName(String prefix, RunContext ctx) { return prefix + ctx.runId().replaceAll("[^A-Za-z0-9._-]", ""); }

    /** True for a top-level name a restore made on the volume (safety, discard or staging folder): not service data. */
    static boolean isRestoreFolder(String name) {
        return name.startsWith(PREFIX) || name.startsWith(DISCARD_PREFIX) || name.startsWith(RestoreSteps.StageData.PREFIX);
    }

    public String id() { return stepId(staged ? "swap" : "safety-copy"); }
    public String title() { return T.get(staged ? "swap.title" : "safetyCopy.title", name()); }
    public String explanation() {
        return staged ? T.get("swap.explanation", name(), path(), PREFIX, RestoreSteps.StageData.PREFIX)
                : T.get("safetyCopy.explanation", name(), path(), PREFIX);
    }
    public String preconditionText() { return T.get(staged ? "swap.precondition" : "safetyCopy.precondition"); }
    public List<String> preview(RunContext ctx) {
        String route = service.shell().routeText(service.container(), false);
        return staged ? List.of(T.get("swap.preview", path(), PREFIX, RestoreSteps.StageData.PREFIX, route))
                : List.of(T.get("safetyCopy.previewMove", path(), PREFIX, route), T.get("safetyCopy.previewOwner", path()));
    }
    public Check precondition(RunContext ctx) {
        Optional<String> problem = pathProblem(service);
        if (problem.isPresent()) return Check.failed(problem.get());
        if (staged && ctx.get(ownerKey(service)).filter(o -> o.matches("\\d{1,10}:\\d{1,10}")).isEmpty()) {
            return Check.failed(T.get("replace.ownerUnknown", path()));
        }
        return Check.ok();
    }

    /** Why a helper must not (or cannot) work on the service's data path: not a plain absolute path, or not on a mount. */
    static Optional<String> pathProblem(ServiceAccess service) {
        String path = service.spec().dataPath().orElse("");
        if (!path.startsWith("/") || path.equals("/") || path.contains("/..") || path.contains("/./") || path.endsWith("/")) {
            return Optional.of(T.get("safetyCopy.refused", path));
        }
        if (!ContainerShell.onMount(service.gateway().mountPoints(service.container()), path)) {
            return Optional.of(T.get("safetyCopy.notMounted", path, service.container()));
        }
        return Optional.empty();
    }

    public void execute(RunContext ctx) throws IOException {
        String path = path();
        String safety = safetyName(ctx);
        // Journaled first: a crash while the helper moves still leaves the abort a way back.
        ctx.put(safetyKey(service), path + "/" + safety);
        Helper helper = staged
                ? run(ctx, SWAP_SCRIPT, List.of(path, safety, RestoreSteps.StageData.folderName(ctx), ctx.get(ownerKey(service)).orElseThrow()),
                        ctx.get(imageKey()))
                : run(ctx, SET_ASIDE_SCRIPT, List.of(path, safety), ctx.get(imageKey()));
        String out = helper.result().stdout();
        if (!helper.result().succeeded()) {
            throw new IOException(T.get("safetyCopy.setAsideFailed", path, helper.route(), (out + helper.result().stderr()).strip()));
        }
        String owner = staged ? ctx.get(ownerKey(service)).orElseThrow()
                : line(out, "owner ").orElseThrow(() -> new IOException(T.get("safetyCopy.noOwner", path)));
        if (!staged) ctx.put(ownerKey(service), owner);
        ctx.output(T.get("safetyCopy.output", name(), line(out, "moved ").orElse("?"), path + "/" + safety, helper.route(), owner));
        if (staged) {
            ctx.output(T.get("swap.output", name(), line(out, "placed ").orElse("?"), path));
            // The empty staging folder stayed (an image without rmdir): harmless, but say how to remove it.
            line(out, "kept ").ifPresent(folder -> ctx.put("warning.staged-" + name(), T.get("swap.stagingKept", folder,
                    service.byHand(helperArgs(helper.image(), List.of("rmdir", "--", folder))))));
        }
        ctx.put(warningKey(), T.get("safetyCopy.kept", name(), path + "/" + safety,
                service.byHand(helperArgs(helper.image(), List.of("rm", "-rf", "--", path + "/" + safety))),
                service.container(), putBackByHand(ctx, helper.image())));
    }
    public String compensation() { return T.get("safetyCopy.compensation"); }
    public void compensate(RunContext ctx) throws IOException {
        Optional<String> kept = ctx.get(safetyKey(service));
        if (kept.isEmpty()) return; // never began
        String path = path();
        if (!kept.get().equals(path + "/" + safetyName(ctx))) {
            // A run of an earlier version copied the data out to this workstation instead.
            throw new IOException(T.get("safetyCopy.onWorkstation", kept.get(), service.container(), path,
                    service.byHand(List.of("cp", kept.get() + "/.", service.container() + ":" + path))));
        }
        Optional<ContainerFacts> facts = service.gateway().inspect(service.container());
        if (facts.map(ContainerFacts::running).orElse(false)) {
            throw new IOException(T.get("safetyCopy.running", service.container(),
                    putBackByHand(ctx, ctx.get(imageKey()).orElse(fallbackImage()))));
        }
        Helper helper;
        try {
            helper = run(ctx, PUT_BACK_SCRIPT, List.of(path, safetyName(ctx), discardName(ctx)), ctx.get(imageKey()));
        } catch (IOException e) {
            // No image could run the script now: when none ran the move before either, nothing was moved.
            if (ctx.get(ranKey()).isEmpty()) return;
            throw new IOException(e.getMessage() + T.get("byHand.suffix", putBackByHand(ctx, ctx.get(imageKey()).orElse(fallbackImage()))), e);
        }
        ExecResult r = helper.result();
        String text = (r.stdout() + r.stderr()).strip();
        if (r.exitCode() != 0 && r.exitCode() != 7) {
            throw new IOException(T.get("safetyCopy.putBackFailed", helper.route(), text, path + "/" + safetyName(ctx),
                    putBackByHand(ctx, helper.image())));
        }
        ctx.put(warningKey(), r.exitCode() == 7
                ? T.get("safetyCopy.discardKept", path + "/" + discardName(ctx), text,
                        service.byHand(helperArgs(helper.image(), List.of("rm", "-rf", "--", path + "/" + discardName(ctx)))))
                : "");
        ctx.output(T.get("safetyCopy.back", name(), path, line(r.stdout(), PUT_BACK_LINE).map(n -> T.get("safetyCopy.entries", n)).orElse(text)));
    }

    private record Helper(String image, String route, ExecResult result) {}

    /**
     * Runs {@code script} in a helper container with the container's volumes: from {@code first} (the image that ran
     * before), the container's own image, then the host's helper image, the first that can run a shell.
     */
    private Helper run(RunContext ctx, String script, List<String> args, Optional<String> first) throws IOException {
        DockerGateway engine = service.gateway();
        String container = service.container();
        List<String> images = helperImages(service, first);
        if (images.isEmpty()) throw new IOException(T.get("safetyCopy.noContainer", container, engine.address()));
        List<String> why = new ArrayList<>();
        for (String image : images) {
            try {
                ExecResult r = engine.runHelper(image, container, ContainerShell.argv(script, args), HELPER_WITHIN);
                if (!ctx.get(imageKey()).map(image::equals).orElse(false)) ctx.put(imageKey(), image);
                if (ctx.get(ranKey()).isEmpty()) ctx.put(ranKey(), "yes");
                return new Helper(image, T.get("safetyCopy.route", image, container), r);
            } catch (ExecUnavailableException e) {
                why.add(e.getMessage());
            }
        }
        String none = service.shell().helperImage().isEmpty() ? T.get("safetyCopy.noHelperImage") : "";
        throw new IOException(T.get("replace.unreachable", path(), String.join("; ", why)) + none);
    }

    /** The images a helper may come from, in order: {@code first}, the container's own image, the host's helper image. */
    static List<String> helperImages(ServiceAccess service, Optional<String> first) {
        Set<String> images = new LinkedHashSet<>();
        first.ifPresent(images::add);
        service.gateway().inspect(service.container()).map(ContainerFacts::image).ifPresent(images::add);
        service.shell().helperImage().ifPresent(images::add);
        return List.copyOf(images);
    }

    private List<String> helperArgs(String image, List<String> command) {
        return helperArgs(service, image, command);
    }

    /** The {@code docker} arguments that run {@code command} by hand in a helper with the container's volumes. */
    static List<String> helperArgs(ServiceAccess service, String image, List<String> command) {
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
