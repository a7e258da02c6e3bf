package io.nightwatch.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which services are not deployed on their host: the profile's {@code hosts[].notDeployed} (fixed) plus the operator's
 * marks from the window ("Not deployed here" / "Watch again"). The marks are kept in the XDG config directory
 * ({@value #FILE_NAME}, one service id per line) rather than the alert store: they are the operator's setting about
 * the stack, like the profile, not history, and a person can read and edit them. Thread-safe; listeners are told of
 * every change on the caller's thread.
 */
public final class NotDeployed {

    private static final Logger LOG = LoggerFactory.getLogger(NotDeployed.class);
    public static final String FILE_NAME = "not-deployed";
    /** More lines than any stack has services: a larger file is not ours. */
    private static final int MAX_LINES = 1000;
    private static final long MAX_BYTES = 64 * 1024;

    private final Set<String> fromProfile;
    private final Set<String> serviceIds;
    private final AtomicReference<Set<String>> marked = new AtomicReference<>(Set.of());
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Optional<Path> file = Optional.empty();

    private NotDeployed(StackProfile profile) {
        this.fromProfile = Set.copyOf(profile.notDeployed());
        this.serviceIds = Set.copyOf(profile.services().stream().map(ServiceSpec::id).toList());
    }

    /** The profile's own list; marks made now live until the process ends unless {@link #keepIn} is called. */
    public static NotDeployed of(StackProfile profile) {
        return new NotDeployed(profile);
    }

    /** {@code $XDG_CONFIG_HOME/nightwatch/not-deployed}, else under {@code ~/.config}. */
    public static Optional<Path> defaultFile(Map<String, String> env) {
        return XdgDirs.config(env).map(dir -> dir.resolve(FILE_NAME));
    }

    /**
     * Reads the operator's marks from {@code path} (missing: none) and writes every later change there. Lines naming
     * no service of this profile are kept in the file but ignored here (another profile may use them).
     */
    public NotDeployed keepIn(Path path) {
        file = Optional.of(path);
        Set<String> read = new TreeSet<>();
        for (String id : readLines(path)) if (serviceIds.contains(id)) read.add(id);
        marked.set(Set.copyOf(read));
        if (!read.isEmpty()) fire();
        return this;
    }

    public boolean contains(String serviceId) {
        return fromProfile.contains(serviceId) || marked.get().contains(serviceId);
    }

    /** Set in the profile: the window cannot undo it, only an edit of the profile can. */
    public boolean byProfile(String serviceId) {
        return fromProfile.contains(serviceId);
    }

    /** Everything not deployed now, the profile's and the window's. */
    public Set<String> all() {
        Set<String> all = new TreeSet<>(fromProfile);
        all.addAll(marked.get());
        return Set.copyOf(all);
    }

    /** The operator says {@code serviceId} is not deployed on its host. */
    public void mark(String serviceId) {
        change(serviceId, true);
    }

    /** The operator wants {@code serviceId} watched again (only a window mark can be undone). */
    public void watchAgain(String serviceId) {
        if (byProfile(serviceId)) {
            throw new IllegalArgumentException(serviceId + " is listed under notDeployed in the profile: remove it there");
        }
        change(serviceId, false);
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void change(String serviceId, boolean notDeployed) {
        if (!serviceIds.contains(serviceId)) throw new IllegalArgumentException("no service " + serviceId + " in the profile");
        Set<String> before;
        Set<String> after;
        do {
            before = marked.get();
            Set<String> next = new TreeSet<>(before);
            if (notDeployed) next.add(serviceId);
            else next.remove(serviceId);
            after = Set.copyOf(next);
        } while (!marked.compareAndSet(before, after));
        if (before.equals(after)) return;
        file.ifPresent(path -> write(path, serviceId, notDeployed));
        fire();
    }

    private void fire() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("a not-deployed listener failed", e);
            }
        }
    }

    /** Rewrites the file with this change, keeping lines of other profiles; written aside and moved in place. */
    private static synchronized void write(Path path, String serviceId, boolean notDeployed) {
        Set<String> lines = new TreeSet<>(readLines(path));
        if (notDeployed) lines.add(serviceId);
        else lines.remove(serviceId);
        try {
            Files.createDirectories(path.getParent());
            Path aside = path.resolveSibling(FILE_NAME + ".new");
            Files.deleteIfExists(aside);
            List<String> out = new ArrayList<>();
            out.add("# services not deployed on their host, marked in the Nightwatch window (host/service per line)"); // tool text: the file's header
            out.addAll(lines);
            Files.write(aside, out, StandardCharsets.UTF_8);
            Files.move(aside, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the not-deployed marks to " + path + ": " + e.getMessage(), e);
        }
    }

    /** The ids in {@code path}; a missing file is none, a symlink or oversized file is refused (logged) as none. */
    private static List<String> readLines(Path path) {
        try {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return List.of();
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.size(path) > MAX_BYTES) {
                LOG.warn("{} is not a plain file of at most {} bytes: not-deployed marks ignored", path, MAX_BYTES);
                return List.of();
            }
            return Files.readAllLines(path, StandardCharsets.UTF_8).stream().limit(MAX_LINES).map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            LOG.warn("not-deployed marks in {} not read: {}", path, e.getMessage());
            return List.of();
        }
    }
}
