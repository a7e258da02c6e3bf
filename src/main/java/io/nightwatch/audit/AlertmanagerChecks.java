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
                    AuditItem.of("alert-route", Category.ALERTING, s, Status.UNKNOWN, Risk.CRITICAL, "GET " + url + " failed: " + e.getMessage(), ""),
                    AuditItem.of("alert-human-receiver", Category.ALERTING, s, Status.UNKNOWN, Risk.CRITICAL, "GET " + url + " failed: " + e.getMessage(), ""));
        }
        List<AuditItem> items = new ArrayList<>();
        String rootReceiver = config == null ? "" : config.path("route").path("receiver").asText("");
        items.add(rootReceiver.isEmpty()
                ? AuditItem.of("alert-route", Category.ALERTING, s, Status.MISSING, Risk.CRITICAL,
                        "the running configuration has no route with a receiver (" + url + ")",
                        "`nightwatch audit --fix-files DIR` writes an alertmanager.yml with routes and receivers")
                : AuditItem.ok("alert-route", Category.ALERTING, s, Risk.CRITICAL,
                        "root route to receiver " + rootReceiver + ", " + config.path("route").path("routes").size() + " sub-route(s) (" + url + ")"));
        List<String> humans = new ArrayList<>();
        List<String> machines = new ArrayList<>();
        if (config != null) {
            for (JsonNode r : config.path("receivers")) {
                String name = r.path("name").asText();
                r.fieldNames().forEachRemaining(field -> {
                    if (HUMAN_INTEGRATIONS.contains(field) && r.path(field).size() > 0) humans.add(name + " (" + field.replace("_configs", "") + ")");
                });
                for (JsonNode w : r.path("webhook_configs")) {
                    if (local(w.path("url").asText())) machines.add(name + " (webhook on this host)");
                    else humans.add(name + " (webhook to another host)");
                }
            }
        }
        if (humans.isEmpty()) {
            items.add(AuditItem.of("alert-human-receiver", Category.ALERTING, s, Status.MISSING, Risk.CRITICAL,
                    "no receiver reaches a person: " + (machines.isEmpty() ? "no receivers" : String.join(", ", machines))
                            + "; a webhook to Nightwatch alone wakes nobody (" + url + ")",
                    "`nightwatch audit --fix-files DIR` writes alertmanager.yml with an on-call receiver (pagerduty or e-mail; "
                            + "fill in the placeholders) beside Nightwatch's webhook; check it with `amtool check-config`"));
        } else {
            items.add(AuditItem.ok("alert-human-receiver", Category.ALERTING, s, Risk.CRITICAL,
                    "receivers reaching people: " + String.join(", ", humans) + " (" + url + ")"));
        }
        return items;
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
