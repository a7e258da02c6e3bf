package io.nightwatch.cli;

import io.nightwatch.text.Formats;
import io.nightwatch.text.Texts;
import io.nightwatch.incident.IncidentReport;
import io.nightwatch.incident.Incidents;
import io.nightwatch.incident.export.IncidentExport;
import io.nightwatch.runbook.catalog.RunbookCatalog;
import io.nightwatch.store.AlertStore;
import io.nightwatch.store.Incident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nightwatch incident list|show|open|note|close|export}: the incident log from the shell. */
@Command(name = "incident", mixinStandardHelpOptions = true,
        subcommands = {IncidentCommand.ListIncidents.class, IncidentCommand.Show.class, IncidentCommand.Open.class,
                IncidentCommand.Note.class, IncidentCommand.Close.class, IncidentCommand.Export.class})
public class IncidentCommand {

    private static final Texts T = Texts.of(IncidentCommand.class);

    /** Times of the incident log are UTC, said so where they are printed. */
    static String time(java.time.Instant at) {
        return Formats.dateTimeSeconds(at, ZoneOffset.UTC);
    }

    /** What every subcommand shares: the database, the journals, who is typing. */
    abstract static class Sub implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;
        @Spec
        CommandSpec spec;

        abstract int run(Incidents incidents, PrintWriter out, PrintWriter err) throws Exception;

        @Override
        public Integer call() throws Exception {
            Map<String, String> env = System.getenv();
            PrintWriter err = spec.commandLine().getErr();
            try (AlertStore store = AlertStore.open(storeOptions.resolve(env))) {
                Incidents incidents = new Incidents(store, RunbookCatalog.dataDir(env).resolve("runs"), Clock.systemUTC());
                return run(incidents, spec.commandLine().getOut(), err);
            } catch (IllegalArgumentException e) {
                err.println(NightwatchCommand.PREFIX + e.getMessage());
                return NightwatchCommand.EXIT_USAGE;
            } finally {
                spec.commandLine().getOut().flush();
                err.flush();
            }
        }

        static String who(Map<String, String> env) {
            return env.getOrDefault("USER", env.getOrDefault("LOGNAME", "operator"));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListIncidents extends Sub {
        private static final String ROW = "#%d  %-6s  %s  %-8s %s%n";

        int run(Incidents incidents, PrintWriter out, PrintWriter err) {
            if (incidents.list().isEmpty()) out.println(T.get("incident.none"));
            for (Incident i : incidents.list()) {
                out.printf(ROW, i.id(), T.get(i.open() ? "incident.open" : "incident.closed"), time(i.openedAt()), i.scope(), i.title());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static class Show extends Sub {
        @Parameters(paramLabel = "ID")
        long id;

        int run(Incidents incidents, PrintWriter out, PrintWriter err) {
            // the same redacted Markdown as the export: what is shown on a shared screen must not leak either
            out.print(IncidentExport.render(incidents.report(id), IncidentExport.Format.MARKDOWN));
            return 0;
        }
    }

    @Command(name = "open", mixinStandardHelpOptions = true)
    static class Open extends Sub {
        @Parameters(paramLabel = "TITLE")
        String title;
        @Option(names = "--scope", defaultValue = "stack")
        String scope;

        int run(Incidents incidents, PrintWriter out, PrintWriter err) {
            Incident i = incidents.open(scope, title, who(System.getenv()));
            out.println("#" + i.id() + " " + i.title() + " " + T.get("incident.opened", time(i.openedAt()), i.openedBy()));
            return 0;
        }
    }

    @Command(name = "note", mixinStandardHelpOptions = true)
    static class Note extends Sub {
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Parameters(index = "1", paramLabel = "TEXT")
        String text;

        int run(Incidents incidents, PrintWriter out, PrintWriter err) {
            incidents.note(id, text, who(System.getenv()));
            err.println(NightwatchCommand.PREFIX + T.get("incident.noteAdded", id));
            return 0;
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true)
    static class Close extends Sub {
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--summary", defaultValue = "")
        String summary;

        int run(Incidents incidents, PrintWriter out, PrintWriter err) {
            Incident i = incidents.close(id, who(System.getenv()), summary);
            err.println(NightwatchCommand.PREFIX + T.get("incident.closedAfter", id, IncidentReport.human(
                    java.time.Duration.between(i.openedAt(), i.closedAt().orElseThrow()))));
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static class Export extends Sub {
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--format", defaultValue = "md")
        String format;
        @Option(names = "--out", required = true, paramLabel = "FILE", converter = CliValues.OutputPath.class)
        Path out;

        int run(Incidents incidents, PrintWriter stdout, PrintWriter err) throws Exception {
            IncidentExport.Format f = IncidentExport.Format.of(format);
            if (java.nio.file.Files.isDirectory(out)) throw new IllegalArgumentException(T.get("incident.outIsFolder", out));
            IncidentReport report = incidents.report(id);
            IncidentExport.write(report, f, out);
            var kinds = IncidentExport.redactedKinds(report);
            err.println(NightwatchCommand.PREFIX + T.get("incident.written", id, out) + (kinds.isEmpty() ? "" : " " + T.get("incident.redacted",
                    String.join(", ", kinds.stream().map(k -> k.name().toLowerCase().replace('_', ' ')).toList()))));
            return 0;
        }
    }
}
