package io.nightwatch.cli;

import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
import io.nightwatch.audit.RestoreDrill;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.docker.EngineUnreachableException;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code nightwatch drill restore}: proves a backup set in scratch containers and records the measured RTO. */
@Command(name = "drill", mixinStandardHelpOptions = true, subcommands = DrillCommand.Restore.class)
public class DrillCommand {

    private static final Texts T = Texts.of(DrillCommand.class);

    @Command(name = "restore", mixinStandardHelpOptions = true)
    static class Restore implements Callable<Integer> {

        private static final String SERVICE_ROW = "%-7s %-14s %6s s  %s%n";

        @Mixin
        ProfileOptions profileOptions;

        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--set", paramLabel = "SET")
        String set;

        @Mixin
        ServiceSelection services;

        @Option(names = "--in", paramLabel = "DIR")
        Path in;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120")
        long timeoutSeconds;

        @Spec
        CommandSpec spec;

        private final Map<String, String> env;

        Restore() {
            this(System.getenv());
        }

        Restore(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (timeoutSeconds < 1 || timeoutSeconds > 3600) return usage(err, T.get("drill.badTimeout"));
            Optional<StackProfile> profile = profileOptions.loadOrReport(env, err);
            if (profile.isEmpty()) return NightwatchCommand.EXIT_USAGE;
            Path root = in != null ? in : XdgDirs.data(env).orElseThrow(() -> new IllegalStateException(T.get("drill.noHome")))
                    .resolve("backups");
            List<String> only = services.names();
            RestoreDrill.Result r;
            try {
                r = new RestoreDrill(h -> DockerGateway.connect(EngineAddress.resolve(h, env)), env, Clock.systemUTC())
                        .run(profile.get(), root, Optional.ofNullable(set), only, Duration.ofSeconds(timeoutSeconds));
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            } catch (EngineUnreachableException e) {
                err.println(NightwatchCommand.PREFIX + e.getMessage());
                return AuditCommand.EXIT_ENGINE_UNREACHABLE;
            }
            for (RestoreDrill.ServiceResult s : r.services()) {
                out.printf(SERVICE_ROW, T.get(s.ok() ? "drill.ok" : "drill.failed"), s.service(), Formats.fixed(s.took().toMillis() / 1000.0, 1), s.detail());
            }
            out.println(T.get(r.ok() ? "drill.restored" : "drill.notRestored", r.set(), Formats.fixed(r.rto().toMillis() / 1000.0, 1)));
            try (AlertStore store = AlertStore.open(storeOptions.resolve(env))) {
                store.audits().recordDrill(new AuditHistory.DrillRun(r.startedAt(), r.set(),
                        r.services().stream().map(RestoreDrill.ServiceResult::service).toList(), r.rto(), r.ok(), ""));
            } catch (StoreException | IllegalStateException e) {
                err.println(NightwatchCommand.PREFIX + T.get("drill.notRecorded", e.getMessage()));
            }
            out.flush();
            return r.ok() ? 0 : 1;
        }

        private static int usage(PrintWriter err, String message) {
            err.println(NightwatchCommand.PREFIX + message);
            err.flush();
            return NightwatchCommand.EXIT_USAGE;
        }
    }
}
