package io.nightwatch.cli;

import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;
import io.nightwatch.alerts.AlertService;
import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.alerts.AlertmanagerClient;
import io.nightwatch.text.Formats;
import io.nightwatch.stack.ProfileException;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.store.AlertStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code nightwatch silence}: create, list and expire Alertmanager silences, recorded as Nightwatch's own. */
@Command(name = "silence", mixinStandardHelpOptions = true,
        subcommands = {SilenceCommand.Expire.class, SilenceCommand.ListSilences.class})
public class SilenceCommand implements Callable<Integer> {

    private static final Texts T = Texts.of(SilenceCommand.class);

    @Mixin
    ProfileOptions profileOptions;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--matcher", required = true, paramLabel = "NAME=VALUE")
    List<String> matchers;

    @Option(names = "--for", required = true, paramLabel = "DURATION", converter = CliValues.SilencePeriod.class)
    Duration length;

    @Option(names = "--comment", required = true)
    String comment;

    @Option(names = "--by")
    String createdBy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<AlertmanagerClient.Matcher> parsed = new ArrayList<>();
        try {
            for (String m : matchers) parsed.add(parseMatcher(m));
        } catch (IllegalArgumentException e) {
            err.println(NightwatchCommand.PREFIX + e.getMessage());
            return NightwatchCommand.EXIT_USAGE;
        }
        return withService(profileOptions, storeOptions, err, service -> {
            String id = service.createSilence(parsed, length, createdBy != null ? createdBy : System.getProperty("user.name", "nightwatch"), comment);
            spec.commandLine().getOut().println(id);
            err.println(NightwatchCommand.PREFIX + T.get("silence.created", id, Formats.duration(length), service.alertmanager().get().base()));
            return 0;
        });
    }

    static AlertmanagerClient.Matcher parseMatcher(String text) {
        for (String op : List.of("!=", "=~", "!~", "=")) {
            int at = text.indexOf(op);
            if (at > 0) {
                String name = text.substring(0, at).trim();
                String value = text.substring(at + op.length()).trim();
                if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) throw new IllegalArgumentException(T.get("silence.badLabel", name));
                return new AlertmanagerClient.Matcher(name, value, op.contains("~"), !op.startsWith("!"));
            }
        }
        throw new IllegalArgumentException(T.get("silence.badMatcher", text));
    }

    interface ServiceAction {
        int run(AlertService service) throws IOException;
    }

    static int withService(ProfileOptions profileOptions, StoreOptions storeOptions, PrintWriter err, ServiceAction action) {
        StackProfile profile;
        try {
            profile = profileOptions.load(System.getenv());
        } catch (ProfileException e) {
            err.println(NightwatchCommand.PREFIX + e.getMessage());
            return NightwatchCommand.EXIT_USAGE;
        }
        try (AlertStore store = AlertStore.open(storeOptions.resolve(System.getenv()));
             AlertService service = new AlertService(profile, store, AlertSettings.defaults().withListen(Optional.empty()), Clock.systemUTC())) {
            if (service.alertmanager().isEmpty()) {
                err.println(NightwatchCommand.PREFIX + T.get("silence.noAlertmanager"));
                return NightwatchCommand.EXIT_USAGE;
            }
            return action.run(service);
        } catch (IOException e) {
            err.println(NightwatchCommand.PREFIX + e.getMessage());
            return NightwatchCommand.EXIT_SOFTWARE;
        }
    }

    @Command(name = "expire", mixinStandardHelpOptions = true)
    static class Expire implements Callable<Integer> {
        @Mixin
        ProfileOptions profileOptions;
        @Mixin
        StoreOptions storeOptions;
        @Parameters(paramLabel = "ID")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            return withService(profileOptions, storeOptions, err, service -> {
                service.expireSilence(id);
                err.println(NightwatchCommand.PREFIX + T.get("silence.expired", id));
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListSilences implements Callable<Integer> {
        private static final String ROW = "%-38s %-8s %-21s %s%s  %s%n";

        @Mixin
        ProfileOptions profileOptions;
        @Mixin
        StoreOptions storeOptions;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return withService(profileOptions, storeOptions, spec.commandLine().getErr(), service -> {
                java.util.Set<String> ours = new java.util.HashSet<>();
                service.store().silences().stream().filter(s -> s.createdByNightwatch()).forEach(s -> ours.add(s.id()));
                for (AlertmanagerClient.Silence s : service.alertmanager().get().silences()) {
                    out.printf(ROW, s.id(), s.state(), java.time.format.DateTimeFormatter.ofPattern(T.get("silence.endsFormat"), Language.current().locale())
                                    .withZone(java.time.ZoneOffset.UTC).format(s.endsAt()),
                            String.join(",", s.matchers().stream().map(m -> m.name() + (m.isEqual() ? "" : "!") + (m.isRegex() ? "=~" : "=") + m.value()).toList()),
                            ours.contains(s.id()) ? "  [nightwatch]" : "", s.comment());
                }
                out.flush();
                return 0;
            });
        }
    }
}
