package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import io.nightwatch.alerts.AlertmanagerClient;
import io.nightwatch.runbook.RunContext;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.ServiceKind;
import io.nightwatch.stack.StackProfile;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Silencing a service's alerts for planned downtime (restore, upgrade, rollback), and lifting the silence. */
public final class SilenceSteps {

    private static final Texts T = Texts.of(SilenceSteps.class);

    private SilenceSteps() {}

    /** The profile's Alertmanager, when it has one with a published address. */
    public static Optional<AlertmanagerClient> alertmanagerOf(StackProfile profile) {
        return profile.services().stream()
                .filter(s -> s.kind() == ServiceKind.ALERTMANAGER && !s.health().directHost().isEmpty()).findFirst()
                .map(s -> new AlertmanagerClient(new HttpUrl.Builder().scheme("http").host(s.health().directHost())
                        .port(s.health().directPort()).build(), Duration.ofSeconds(5)));
    }

    /** Alertmanager would page everyone while the service is deliberately down: silence it for the restore. */
    public static final class Silence implements Step {
        private final Optional<AlertmanagerClient> alertmanager;
        private final ServiceAccess service;
        private final Duration length;
        private final String purpose;

        /** @param purpose what the downtime is for, in the silence's comment: "restore", "upgrade" */
        public Silence(Optional<AlertmanagerClient> alertmanager, ServiceAccess service, Duration length, String purpose) {
            this.alertmanager = alertmanager;
            this.service = service;
            this.length = length;
            this.purpose = purpose;
        }

        String key() { return "silence." + service.spec().name(); }

        public String id() { return "silence-" + service.spec().name(); }
        public String title() { return T.get("silence.title", service.spec().name()); }
        public String explanation() { return T.get("silence.explanation", service.spec().name(), length.toMinutes()); }
        public List<String> preview(RunContext ctx) {
            return alertmanager.map(a -> List.of("POST " + a.base() + "api/v2/silences (job=~\"" + service.spec().name() + "\")"))
                    .orElse(List.of(T.get("silence.noAlertmanager")));
        }
        public void execute(RunContext ctx) throws IOException {
            if (alertmanager.isEmpty() || service.spec().kind() == io.nightwatch.stack.ServiceKind.ALERTMANAGER) {
                ctx.output(T.get("silence.none"));
                return;
            }
            java.time.Instant now = ctx.clock().instant();
            String id = alertmanager.get().createSilence(List.of(new AlertmanagerClient.Matcher("job", service.spec().name(), false, true)),
                    now, now.plus(length), "nightwatch", "[nightwatch] " + purpose + " of " + service.spec().name() + " (run " + ctx.runId() + ")"); // tool text: the silence's comment in Alertmanager stays English
            ctx.put(key(), id);
            ctx.output(T.get("silence.output", id));
        }
        public String compensation() { return T.get("silence.compensation"); }
        public void compensate(RunContext ctx) throws IOException { expire(ctx); }

        void expire(RunContext ctx) throws IOException {
            Optional<String> id = ctx.get(key());
            if (id.isPresent() && alertmanager.isPresent()) alertmanager.get().expireSilence(id.get());
        }
    }

    public static final class Unsilence implements Step {
        private final Silence silence;

        public Unsilence(Silence silence) { this.silence = silence; }

        public String id() { return "unsilence-" + silence.service.spec().name(); }
        public String title() { return T.get("unsilence.title"); }
        public String explanation() { return T.get("unsilence.explanation"); }
        public List<String> preview(RunContext ctx) { return List.of("DELETE /api/v2/silence/<id>"); }
        public void execute(RunContext ctx) throws IOException { silence.expire(ctx); }
    }

}
