package io.nightwatch.runbook.stack;

import io.nightwatch.alerts.AlertmanagerClient;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.text.Texts;

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

    private static final Texts T = Texts.of(LiftStopSilences.class);

    /** The comment {@link io.nightwatch.runbook.backup.SilenceSteps.Silence} gives a stop's silence, up to the run id. */
    static String stopComment(String service) {
        return "[nightwatch] stack stop of " + service + " (run "; // tool text: Alertmanager comment, matched by later runs
    }

    private final Optional<AlertmanagerClient> alertmanager;
    private final List<String> services;

    LiftStopSilences(Optional<AlertmanagerClient> alertmanager, List<ServiceSpec> services) {
        this.alertmanager = alertmanager;
        this.services = services.stream().map(ServiceSpec::name).toList();
    }

    public String id() { return "lift-stop-silences"; }
    public String title() { return T.get("lift.title"); }
    public String explanation() {
        return T.get("lift.explanation", String.join(", ", services));
    }
    public List<String> preview(RunContext ctx) {
        return alertmanager.map(a -> List.of("GET " + a.base() + "api/v2/silences",
                        T.get("lift.preview.delete", a.base(), stopComment(T.get("lift.preview.service")))))
                .orElse(List.of(T.get("lift.noAlertmanager")));
    }

    public void execute(RunContext ctx) throws IOException {
        if (alertmanager.isEmpty()) {
            ctx.output(T.get("lift.noAlertmanager"));
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
        ctx.output(lifted.isEmpty() ? T.get("lift.none")
                : T.get("lift.done", lifted.size(), String.join(", ", lifted)));
    }

    public String verificationText() { return T.get("lift.verification"); }
    public String compensation() { return T.get("lift.compensation"); }
}
