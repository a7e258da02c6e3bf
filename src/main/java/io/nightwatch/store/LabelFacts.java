package io.nightwatch.store;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The columns the store derives from an alert's labels so that they can be indexed. */
final class LabelFacts {

    /** Most specific first: the stack's rules label by component, exporters by job, cAdvisor by container. */
    private static final List<String> SERVICE_LABELS = List.of("component", "service", "job", "container");

    private LabelFacts() {}

    static String alertname(Map<String, String> labels) {
        return labels.getOrDefault("alertname", "");
    }

    /** Lower-cased so that a filter on "critical" finds "Critical" too. */
    static String severity(Map<String, String> labels) {
        return labels.getOrDefault("severity", "").trim().toLowerCase(Locale.ROOT);
    }

    static String service(Map<String, String> labels) {
        for (String name : SERVICE_LABELS) {
            String value = labels.get(name);
            if (value != null && !value.isBlank()) return value;
        }
        return "";
    }
}
