package io.nightwatch.runbook.stack;

import io.nightwatch.alerts.AlertmanagerClient;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.ServiceSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The end of a start: the silences a {@code stack stop} set for these services are expired once each is healthy and
 * its data flows, so alerts page again at once rather than when the silences run out. Silences set by people, or by
 * other runbooks, are left alone.
 */
final class LiftStopSilences implements Step {

    /** The comment {@link io.nightwatch.runbook.backup.SilenceSteps.Silence} gives a stop's silence, up to the run id. */
    static String stopComment(String service) {
        return "[nightwatch] stack stop of " + service + " (run ";
    }

    private final Optional<AlertmanagerClient> alertmanager;
    private final List<String> services;

    LiftStopSilences(Optional<AlertmanagerClient> alertmanager, List<ServiceSpec> services) {
        this.alertmanager = alertmanager;
        this.services = services.stream().map(ServiceSpec::name).toList();
    }

    public String id() { return "lift-stop-silences"; }
    public String title() { return "Lift the silences of the stop"; }
    public String explanation() {
        return "Every service is back and its data flows: the silences `nightwatch stack stop` set for " + String.join(", ", services)
                + " are expired, so alerts page again as usual. Silences set by people are left alone.";
    }
    public List<String> preview(RunContext ctx) {
        return alertmanager.map(a -> List.of("GET " + a.base() + "api/v2/silences",
                        "DELETE " + a.base() + "api/v2/silence/<id> for each active silence '" + stopComment("<service>") + "…)'"))
                .orElse(List.of("no Alertmanager reachable: nothing to lift"));
    }

    public void execute(RunContext ctx) throws IOException {
        if (alertmanager.isEmpty()) {
            ctx.output("no Alertmanager reachable: nothing to lift");
            return;
        }
        List<String> lifted = new ArrayList<>();
        for (AlertmanagerClient.Silence s : alertmanager.get().silences()) {
            if (!s.state().equals("active") && !s.state().equals("pending")) continue;
            Optional<String> of = services.stream().filter(name -> s.comment().startsWith(stopComment(name))).findFirst();
            if (of.isEmpty()) continue;
            alertmanager.get().expireSilence(s.id());
            lifted.add(s.id() + " (" + of.get() + ")");
        }
        ctx.output(lifted.isEmpty() ? "no silences of a stop left (none set, or expired already)"
                : "lifted " + lifted.size() + " silence(s) of the stop: " + String.join(", ", lifted));
    }

    public String verificationText() { return "no active silence of a stack stop is left for these services."; }
    public String compensation() { return "none: the alerts of running services should page."; }
}
