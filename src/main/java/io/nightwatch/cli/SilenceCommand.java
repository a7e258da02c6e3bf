package io.nightwatch.cli;

import io.nightwatch.alerts.AlertService;
import io.nightwatch.alerts.AlertSettings;
import io.nightwatch.alerts.AlertmanagerClient;
import io.nightwatch.text.Durations;
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
        description = "Create a silence in Alertmanager (or: silence expire ID, silence list).",
        subcommands = {SilenceCommand.Expire.class, SilenceCommand.ListSilences.class})
public class SilenceCommand implements Callable<Integer> {

    @Mixin
    ProfileOptions profileOptions;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--matcher", required = true, paramLabel = "NAME=VALUE",
            description = "Label matcher: name=value, name!=value, name=~regex, name!~regex (repeatable).")
    List<String> matchers;

    @Option(names = "--for", required = true, paramLabel = "DURATION", converter = CliValues.SilencePeriod.class,
            description = "How long: 30m, 2h, 1d (at most 365d).")
    Duration length;

    @Option(names = "--comment", required = true, description = "Why (Alertmanager requires it).")
    String comment;

    @Option(names = "--by", description = "Who creates it (default: $USER).")
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
            err.println("nightwatch: " + e.getMessage());
            return NightwatchCommand.EXIT_USAGE;
        }
        return withService(profileOptions, storeOptions, err, service -> {
            String id = service.createSilence(parsed, length, createdBy != null ? createdBy : System.getProperty("user.name", "nightwatch"), comment);
            spec.commandLine().getOut().println(id);
            err.println("nightwatch: silence " + id + " for " + Durations.human(length) + " created in " + service.alertmanager().get().base());
            return 0;
        });
    }

    static AlertmanagerClient.Matcher parseMatcher(String text) {
        for (String op : List.of("!=", "=~", "!~", "=")) {
            int at = text.indexOf(op);
            if (at > 0) {
                String name = text.substring(0, at).trim();
                String value = text.substring(at + op.length()).trim();
                if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) throw new IllegalArgumentException("'" + name + "' is not a label name");
                return new AlertmanagerClient.Matcher(name, value, op.contains("~"), !op.startsWith("!"));
            }
        }
        throw new IllegalArgumentException("matcher '" + text + "' needs name=value (or !=, =~, !~)");
    }

    interface ServiceAction {
        int run(AlertService service) throws IOException;
    }

    static int withService(ProfileOptions profileOptions, StoreOptions storeOptions, PrintWriter err, ServiceAction action) {
        StackProfile profile;
        try {
            profile = profileOptions.load(System.getenv());
        } catch (ProfileException e) {
            err.println("nightwatch: " + e.getMessage());
            return NightwatchCommand.EXIT_USAGE;
        }
        try (AlertStore store = AlertStore.open(storeOptions.resolve(System.getenv()));
             AlertService service = new AlertService(profile, store, AlertSettings.defaults().withListen(Optional.empty()), Clock.systemUTC())) {
            if (service.alertmanager().isEmpty()) {
                err.println("nightwatch: the profile has no Alertmanager reachable directly");
                return NightwatchCommand.EXIT_USAGE;
            }
            return action.run(service);
        } catch (IOException e) {
            err.println("nightwatch: " + e.getMessage());
            return NightwatchCommand.EXIT_SOFTWARE;
        }
    }

    @Command(name = "expire", mixinStandardHelpOptions = true, description = "Expire a silence now.")
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
                err.println("nightwatch: silence " + id + " expired");
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List Alertmanager's silences; Nightwatch's are marked.")
    static class ListSilences implements Callable<Integer> {
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
                    out.printf("%-38s %-8s %-21s %s%s  %s%n", s.id(), s.state(), s.endsAt().toString().substring(0, 19),
                            String.join(",", s.matchers().stream().map(m -> m.name() + (m.isEqual() ? "" : "!") + (m.isRegex() ? "=~" : "=") + m.value()).toList()),
                            ours.contains(s.id()) ? "  [nightwatch]" : "", s.comment());
                }
                out.flush();
                return 0;
            });
        }
    }
}
