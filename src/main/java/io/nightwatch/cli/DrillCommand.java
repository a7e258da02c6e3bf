package io.nightwatch.cli;

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
@Command(name = "drill", mixinStandardHelpOptions = true, subcommands = DrillCommand.Restore.class,
        description = "Drills that prove the stack can recover.")
public class DrillCommand {

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Restore a verified backup set into scratch containers (same images, fresh volumes, --network none), "
                    + "check the data, time it, remove them, and record the drill for the audit. Production is not touched. "
                    + "Exit 0 restored, 1 a service failed, 3 engine unreachable, 64 bad arguments.")
    static class Restore implements Callable<Integer> {

        @Mixin
        ProfileOptions profileOptions;

        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--set", paramLabel = "SET", description = "The set to drill (default: the newest verified one).")
        String set;

        @Mixin
        ServiceSelection services;

        @Option(names = "--in", paramLabel = "DIR", description = "Folder of sets (default $XDG_DATA_HOME/nightwatch/backups).")
        Path in;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "How long one service may take (default ${DEFAULT-VALUE} s).")
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
            if (timeoutSeconds < 1 || timeoutSeconds > 3600) return usage(err, "--timeout takes 1 to 3600 seconds");
            Optional<StackProfile> profile = profileOptions.loadOrReport(env, err);
            if (profile.isEmpty()) return NightwatchCommand.EXIT_USAGE;
            Path root = in != null ? in : XdgDirs.data(env).orElseThrow(() -> new IllegalStateException("no HOME and no XDG_DATA_HOME: pass --in DIR"))
                    .resolve("backups");
            List<String> only = services.names();
            RestoreDrill.Result r;
            try {
                r = new RestoreDrill(h -> DockerGateway.connect(EngineAddress.resolve(h, env)), env, Clock.systemUTC())
                        .run(profile.get(), root, Optional.ofNullable(set), only, Duration.ofSeconds(timeoutSeconds));
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            } catch (EngineUnreachableException e) {
                err.println("nightwatch: " + e.getMessage());
                return AuditCommand.EXIT_ENGINE_UNREACHABLE;
            }
            for (RestoreDrill.ServiceResult s : r.services()) {
                out.printf("%-7s %-14s %6.1f s  %s%n", s.ok() ? "OK" : "FAILED", s.service(), s.took().toMillis() / 1000.0, s.detail());
            }
            out.printf("set %s: %s in %.1f s (measured RTO)%n", r.set(), r.ok() ? "restored" : "NOT restored", r.rto().toMillis() / 1000.0);
            try (AlertStore store = AlertStore.open(storeOptions.resolve(env))) {
                store.audits().recordDrill(new AuditHistory.DrillRun(r.startedAt(), r.set(),
                        r.services().stream().map(RestoreDrill.ServiceResult::service).toList(), r.rto(), r.ok(), ""));
            } catch (StoreException | IllegalStateException e) {
                err.println("nightwatch: drill not recorded: " + e.getMessage());
            }
            out.flush();
            return r.ok() ? 0 : 1;
        }

        private static int usage(PrintWriter err, String message) {
            err.println("nightwatch: " + message);
            err.flush();
            return NightwatchCommand.EXIT_USAGE;
        }
    }
}
