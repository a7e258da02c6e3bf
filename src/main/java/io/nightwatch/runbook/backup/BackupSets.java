package io.nightwatch.runbook.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The backup sets under one folder: listing with size, age and verification state; retention. */
public final class BackupSets {

    /** A set as found on disk. Incomplete sets (no manifest) are listed so they are never silently forgotten. */
    public record SetInfo(Path dir, String id, boolean complete, Optional<BackupManifest> manifest, long bytes,
                          Instant created, Optional<SetVerifier.Report> verification) {

        public boolean verified() {
            return verification.map(SetVerifier.Report::ok).orElse(false);
        }

        public List<String> services() {
            return manifest.map(m -> m.services().stream().map(BackupManifest.ServiceBackup::service).toList()).orElse(List.of());
        }
    }

    private BackupSets() {}

    public static List<SetInfo> list(Path root) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        List<SetInfo> sets = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("safety-")).toList()) {
                sets.add(describe(dir));
            }
        }
        sets.sort(Comparator.comparing(SetInfo::created).reversed());
        return sets;
    }

    public static SetInfo describe(Path dir) throws IOException {
        Optional<BackupManifest> manifest = Optional.empty();
        if (Files.isRegularFile(dir.resolve(BackupManifest.FILE))) {
            try {
                manifest = Optional.of(BackupManifest.read(dir));
            } catch (IOException damaged) {
                manifest = Optional.empty();
            }
        }
        Optional<SetVerifier.Report> verification = Optional.empty();
        Path result = dir.resolve(SetVerifier.RESULT_FILE);
        if (Files.isRegularFile(result)) {
            try {
                verification = Optional.of(BackupManifest.JSON.readValue(result.toFile(), SetVerifier.Report.class));
            } catch (IOException ignored) {
                // an unreadable result counts as not verified
            }
        }
        long bytes = manifest.map(BackupManifest::bytes).orElseGet(() -> sizeOf(dir));
        Instant created = manifest.map(BackupManifest::startedAt).orElse(Files.getLastModifiedTime(dir).toInstant());
        return new SetInfo(dir, dir.getFileName().toString(), manifest.isPresent(), manifest, bytes, created, verification);
    }

    /** The newest verified set holding {@code service}, for restore defaults and the RPO check. */
    public static Optional<SetInfo> newestVerified(Path root, String service) throws IOException {
        return list(root).stream().filter(SetInfo::verified).filter(s -> s.services().contains(service)).findFirst();
    }

    /**
     * Deletes complete sets beyond the newest {@code keep}, and those older than {@code maxAge}; the newest
     * verified set is never deleted. Returns what was removed.
     */
    public static List<Path> applyRetention(Path root, int keep, Duration maxAge, Instant now) throws IOException {
        List<SetInfo> complete = list(root).stream().filter(SetInfo::complete).toList();
        Optional<SetInfo> newestVerified = complete.stream().filter(SetInfo::verified).findFirst();
        List<Path> removed = new ArrayList<>();
        for (int i = 0; i < complete.size(); i++) {
            SetInfo set = complete.get(i);
            boolean tooMany = i >= keep;
            boolean tooOld = Duration.between(set.created(), now).compareTo(maxAge) > 0;
            if ((tooMany || tooOld) && !newestVerified.map(v -> v.dir().equals(set.dir())).orElse(false)) {
                deleteTree(set.dir());
                removed.add(set.dir());
            }
        }
        return removed;
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
