package io.nightwatch.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nightwatch.audit.AuditItem.Category;
import io.nightwatch.audit.AuditItem.Risk;
import io.nightwatch.audit.AuditItem.Status;
import io.nightwatch.stack.ServiceSpec;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.nightwatch.audit.Words.plain;
import static io.nightwatch.audit.Words.say;

/**
 * Alertmanager's running configuration ({@code /api/v2/status}, {@code config.original}): a route with a receiver,
 * and a receiver that reaches a human. A webhook to this machine (Nightwatch's receiver) is not a human; e-mail,
 * chat and pager integrations are, and so is a webhook to another host (a paging bridge). URLs are never reported.
 */
final class AlertmanagerChecks {

    private static final Set<String> HUMAN_INTEGRATIONS = Set.of("email_configs", "slack_configs", "pagerduty_configs",
            "opsgenie_configs", "victorops_configs", "pushover_configs", "telegram_configs", "msteams_configs", "webex_configs",
            "wechat_configs", "discord_configs", "sns_configs", "msteamsv2_configs", "jira_configs", "rocketchat_configs");

    private final AuditHttp http;

    AlertmanagerChecks(AuditHttp http) {
        this.http = http;
    }

    List<AuditItem> check(ServiceSpec am) {
        String s = am.id();
        String url = PrometheusChecks.base(am) + "/api/v2/status";
        JsonNode config;
        try {
            String original = http.json(url).path("config").path("original").asText("");
            config = new ObjectMapper(new YAMLFactory()).readTree(original);
        } catch (IOException e) {
            return List.of(
                    AuditItem.of("alert-route", Category.ALERTING, s, Status.UNKNOWN, Risk.CRITICAL, PrometheusChecks.failed(url, e), Words.NONE),
                    AuditItem.of("alert-human-receiver", Category.ALERTING, s, Status.UNKNOWN, Risk.CRITICAL, PrometheusChecks.failed(url, e), Words.NONE));
        }
        List<AuditItem> items = new ArrayList<>();
        String rootReceiver = config == null ? "" : config.path("route").path("receiver").asText("");
        items.add(rootReceiver.isEmpty()
                ? AuditItem.of("alert-route", Category.ALERTING, s, Status.MISSING, Risk.CRITICAL,
                        say("alertmanager.route.none", url), say("alertmanager.route.none.fix"))
                : AuditItem.ok("alert-route", Category.ALERTING, s, Risk.CRITICAL,
                        say("alertmanager.route", rootReceiver, config.path("route").path("routes").size(), url)));
        List<Words> humans = new ArrayList<>();
        List<Words> machines = new ArrayList<>();
        if (config != null) {
            for (JsonNode r : config.path("receivers")) {
                String name = r.path("name").asText();
                r.fieldNames().forEachRemaining(field -> {
                    if (HUMAN_INTEGRATIONS.contains(field) && r.path(field).size() > 0) humans.add(plain(name + " (" + field.replace("_configs", "") + ")"));
                });
                for (JsonNode w : r.path("webhook_configs")) {
                    if (local(w.path("url").asText())) machines.add(say("alertmanager.webhook.local", name));
                    else humans.add(say("alertmanager.webhook.remote", name));
                }
            }
        }
        if (humans.isEmpty()) {
            items.add(AuditItem.of("alert-human-receiver", Category.ALERTING, s, Status.MISSING, Risk.CRITICAL,
                    say("alertmanager.human.none", machines.isEmpty() ? say("alertmanager.receivers.none") : joined(machines), url),
                    say("alertmanager.human.none.fix")));
        } else {
            items.add(AuditItem.ok("alert-human-receiver", Category.ALERTING, s, Risk.CRITICAL,
                    say("alertmanager.human", joined(humans), url)));
        }
        return items;
    }

    private static Words joined(List<Words> parts) {
        List<Object> all = new ArrayList<>();
        for (Words w : parts) {
            if (!all.isEmpty()) all.add(", ");
            all.add(w);
        }
        return Words.concat(all.toArray());
    }

    private static boolean local(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null || host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]")
                    || host.equals("host.docker.internal");
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
