package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import io.nightwatch.audit.AuditDocuments;
import io.nightwatch.audit.AuditInputs;
import io.nightwatch.audit.AuditItem;
import io.nightwatch.audit.AuditReport;
import io.nightwatch.audit.AuditRunner;
import io.nightwatch.baseline.BaselineSettings;
import io.nightwatch.baseline.PerformanceRecords;
import io.nightwatch.baseline.StoredBaselines;
import io.nightwatch.audit.FixFiles;
import io.nightwatch.audit.Phase;
import io.nightwatch.audit.RecoveryTargets;
import io.nightwatch.audit.ReportFiles;
import io.nightwatch.redact.Redactor;
import io.nightwatch.stack.ProfileLoader;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.stack.XdgDirs;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.AuditHistory;
import io.nightwatch.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code nightwatch audit}: the readiness checklist of the live stack, with evidence and fix per item. */
@Command(name = "audit", mixinStandardHelpOptions = true)
public class AuditCommand implements Callable<Integer> {

    private static final Texts T = Texts.of(AuditCommand.class);

    public static final int EXIT_ENGINE_UNREACHABLE = 3;
    private static final String HISTORY_ROW = "%s  %-11s  %3d/%-3d  %s%s%n";
    private static final String ITEM_ROW = "%-7s %-8s %-45s %s%n";

    @Mixin
    ProfileOptions profileOptions;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--format", paramLabel = "md|html")
    String format;

    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Option(names = "--fix-files", paramLabel = "DIR")
    Path fixFiles;

    @Option(names = "--history")
    boolean history;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3")
    double timeoutSeconds;

    @Option(names = "--flow-window", paramLabel = "SECONDS", defaultValue = "30")
    int flowWindowSeconds;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public AuditCommand() {
        this(System.getenv());
    }

    AuditCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (history) return printHistory(stdout, err);
        if (!(timeoutSeconds >= 0.1 && timeoutSeconds <= 600)) return usage(err, T.get("audit.badTimeout", timeoutSeconds));
        if (format != null && !format.equals("md") && !format.equals("html")) return usage(err, T.get("audit.badFormat", format));
        if (flowWindowSeconds < 0 || flowWindowSeconds > 600) return usage(err, T.get("audit.badFlowWindow", flowWindowSeconds));
        if (format != null && out == null) return usage(err, T.get("audit.formatNeedsOut"));
        Optional<StackProfile> loaded = profileOptions.loadOrReport(env, err);
        if (loaded.isEmpty()) return NightwatchCommand.EXIT_USAGE;
        RecoveryTargets targets;
        try {
            targets = RecoveryTargets.read(profileFile());
        } catch (IOException e) {
            return usage(err, T.get("audit.profile", e.getMessage()));
        }
        Path dataDir = XdgDirs.data(env).orElseThrow(() -> new IllegalStateException(T.get("audit.noHome")));

        AlertStore store = openStore(err);
        try {
            Optional<AuditInputs.Drill> drill = store == null ? Optional.empty() : store.audits().lastDrill()
                    .map(d -> new AuditInputs.Drill(d.at(), d.set(), d.rto(), d.ok()));
            AuditInputs inputs = new AuditInputs(env, dataDir, dataDir.resolve("backups"), targets, drill,
                    Duration.ofMillis((long) (timeoutSeconds * 1000)), Clock.systemUTC(),
                    store == null ? PerformanceRecords.NONE : new StoredBaselines(store.performance(), BaselineSettings.DEFAULT, Clock.systemUTC()));
            AuditReport report = new AuditRunner(env).sampleFlow(Duration.ofSeconds(flowWindowSeconds)).run(loaded.get(), inputs);
            if (store != null) {
                store.audits().record(new AuditHistory.AuditRun(report.takenAt(), report.verdict().name(),
                        report.phases().get(Phase.DEVELOPMENT).name(), report.phases().get(Phase.STAGING).name(),
                        report.phases().get(Phase.PRODUCTION).name(), report.ok(), report.total(), AuditDocuments.itemStates(report)));
            }
            if (json) {
                stdout.println(AuditDocuments.json(report).toPrettyString());
            } else {
                printText(report, stdout);
            }
            if (out != null) {
                ReportFiles.write(out, "html".equals(format) ? AuditDocuments.html(report) : AuditDocuments.markdown(report));
                err.println(T.get("audit.reportWritten", out));
            }
            if (fixFiles != null) {
                List<Path> written = FixFiles.write(report, loaded.get(), fixFiles);
                err.println(written.isEmpty() ? T.get("audit.noFixFiles")
                        : T.get("audit.fixFilesWritten", String.join(", ", written.stream().map(Path::toString).toList())));
            }
            stdout.flush();
            err.flush();
            return report.engineUnreachable() ? EXIT_ENGINE_UNREACHABLE : report.verdict().exitCode();
        } finally {
            if (store != null) store.close();
        }
    }

    /** The explicit profile, else the configured one; null for the built-in reference stack. */
    private Path profileFile() {
        return profileOptions.file(env).orElse(null);
    }

    /** The history is a nicety here: an audit still runs when the store cannot be opened. */
    private AlertStore openStore(PrintWriter err) {
        try {
            return AlertStore.open(storeOptions.resolve(env));
        } catch (StoreException | IllegalStateException e) {
            err.println(NightwatchCommand.PREFIX + T.get("audit.notRecorded", e.getMessage()));
            return null;
        }
    }

    private int printHistory(PrintWriter stdout, PrintWriter err) {
        try (AlertStore store = AlertStore.open(storeOptions.resolve(env))) {
            List<AuditHistory.AuditRun> runs = store.audits().list(200);
            if (runs.isEmpty()) {
                stdout.println(T.get("audit.noHistory"));
            }
            for (AuditHistory.AuditRun r : runs) {
                int width = 30;
                int filled = r.total() == 0 ? 0 : Math.round(width * (float) r.ok() / r.total());
                stdout.printf(HISTORY_ROW, r.takenAt(), verdict(r.verdict()), r.ok(), r.total(), "#".repeat(filled), ".".repeat(width - filled));
            }
            stdout.flush();
            return 0;
        } catch (StoreException e) {
            err.println(NightwatchCommand.PREFIX + e.getMessage());
            return NightwatchCommand.EXIT_USAGE;
        }
    }

    private static void printText(AuditReport report, PrintWriter out) {
        Redactor redactor = new Redactor();
        out.println(T.get("audit.summary", verdict(report.verdict().name()), report.ok(), report.total(),
                verdict(report.phases().get(Phase.DEVELOPMENT).name()), verdict(report.phases().get(Phase.STAGING).name()),
                verdict(report.phases().get(Phase.PRODUCTION).name())));
        for (AuditItem i : report.items()) {
            if (i.ok()) continue;
            out.printf(ITEM_ROW, word("audit.status.", i.status()), word("audit.risk.", i.risk()), i.id(),
                    redactor.text(i.evidenceText())); // the reader's language; --json keeps English
        }
        out.println(T.get("audit.more"));
    }

    /** An enum's word: the key is its prefix and the constant's name. */
    private static String word(String prefix, Enum<?> value) {
        String key = prefix + value.name();
        return T.get(key);
    }

    /** READY, CONDITIONAL, NOT_READY in the reader's language (the JSON and the history keep the token). */
    private static String verdict(String token) {
        String key = "audit.verdict." + token;
        return T.has(key) ? T.get(key) : token;
    }

    private static int usage(PrintWriter err, String message) {
        err.println(NightwatchCommand.PREFIX + message);
        err.flush();
        return NightwatchCommand.EXIT_USAGE;
    }
}
