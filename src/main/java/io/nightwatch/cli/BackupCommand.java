package io.nightwatch.cli;

import io.nightwatch.text.Texts;
import io.nightwatch.text.Bytes;
import io.nightwatch.text.Formats;
import io.nightwatch.runbook.RunResult;
import io.nightwatch.runbook.backup.BackupRunbook;
import io.nightwatch.runbook.backup.BackupSets;
import io.nightwatch.runbook.backup.SetVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nightwatch backup}: take a verified backup set (or: {@code backup verify SET}). */
@Command(name = "backup", mixinStandardHelpOptions = true, subcommands = BackupCommand.Verify.class)
public class BackupCommand implements Callable<Integer> {

    private static final Texts T = Texts.of(BackupCommand.class);

    @Mixin
    ProfileOptions profileOptions;

    @Mixin
    ServiceSelection services;

    @Option(names = "--to", paramLabel = "DIR")
    Path to;

    @Option(names = "--keep", paramLabel = "N", converter = CliValues.PositiveCount.class)
    Integer keep;

    @Option(names = "--max-age", paramLabel = "AGE", converter = CliValues.Period.class)
    Duration maxAge;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        return RunbookOpening.of(profileOptions, err).answering(services.text()).run(cli -> {
            BackupRunbook.Selection selection = cli.catalog().backup().select(services.text());
            selection.skipped().forEach(line -> err.println(NightwatchCommand.PREFIX + line));
            err.flush();
            Path root = to != null ? to : RunbookCli.backupRoot(System.getenv());
            Map<String, String> params = new HashMap<>(Map.of("services", selection.parameter(), "to", root.toString()));
            var runbook = cli.registry().find(BackupRunbook.ID).orElseThrow().build(params);
            RunResult result = cli.runner().run(runbook, params, RunbookCli.console(err));
            if (result.outcome() == RunResult.Outcome.SUCCEEDED && (keep != null || maxAge != null)) {
                try {
                    Duration age = maxAge == null ? Duration.ofDays(36_500) : maxAge;
                    for (Path removed : BackupSets.applyRetention(root, keep == null ? Integer.MAX_VALUE : keep, age, Instant.now())) {
                        err.println(NightwatchCommand.PREFIX + T.get("backup.retentionRemoved", removed));
                    }
                } catch (java.io.IOException e) {
                    err.println(NightwatchCommand.PREFIX + T.get("backup.retentionFailed", e.getMessage()));
                    return NightwatchCommand.EXIT_SOFTWARE;
                }
            }
            RunbookCli.printEnd(err, "backup", result);
            return cli.exitCode(result, services.text(), err);
        });
    }

    @Command(name = "verify", mixinStandardHelpOptions = true)
    static class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "SET", descriptionKey = "setFolder")
        Path set;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isDirectory(set)) {
                spec.commandLine().getErr().println(NightwatchCommand.PREFIX + T.get("backup.noSet", set));
                return NightwatchCommand.EXIT_USAGE;
            }
            // The operator's own path may be a link (a "latest" pointer); nothing inside the set is followed.
            SetVerifier.Report report = SetVerifier.verify(set.toRealPath(), bytes -> { });
            out.println(T.get(report.ok() ? "backup.verifiedOk" : "backup.verifiedDamaged", set, report.files(), Bytes.human(report.bytes())));
            report.problems().forEach(p -> out.println("  " + p));
            out.flush();
            return report.ok() ? 0 : 1;
        }
    }

    /** For a damaged set, its first problem, so the listing says why. */
    static String damage(BackupSets.SetInfo s) {
        if (!s.complete() || s.verified()) return "";
        return s.verification().map(v -> v.problems().isEmpty() ? "" : "  (" + v.problems().get(0)
                + (v.problems().size() > 1 ? "; " + T.get("backup.moreProblems", v.problems().size() - 1) : "") + ")").orElse("");
    }

    /** {@code nightwatch backups}: the sets with size, age and verification state. */
    @Command(name = "backups", mixinStandardHelpOptions = true)
    public static class ListSets implements Callable<Integer> {
        @Option(names = "--in", paramLabel = "DIR")
        Path in;
        @Option(names = "--json")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path root = in != null ? in : RunbookCli.backupRoot(System.getenv());
            var sets = BackupSets.list(root);
            if (json) {
                var array = StatusJson.MAPPER.createArrayNode();
                for (var s : sets) {
                    var n = array.addObject().put("set", s.dir().toString()).put("complete", s.complete()).put("bytes", s.bytes())
                            .put("created", s.created().toString()).put("verified", s.verified());
                    s.services().forEach(n.putArray("services")::add);
                    s.verification().ifPresent(v -> v.problems().forEach(n.putArray("problems")::add));
                }
                out.println(array.toPrettyString());
            } else {
                for (var s : sets) {
                    out.printf(T.get("backups.line"), s.id(), Bytes.human(s.bytes()), Formats.duration(Duration.between(s.created(), Instant.now())),
                            T.get(!s.complete() ? "backups.incomplete" : s.verified() ? "backups.verified" : s.verification().isPresent() ? "backups.damaged" : "backups.unverified"),
                            String.join(",", s.services()) + damage(s));
                }
                if (sets.isEmpty()) spec.commandLine().getErr().println(NightwatchCommand.PREFIX + T.get("backups.none", root));
            }
            out.flush();
            return 0;
        }
    }
}
