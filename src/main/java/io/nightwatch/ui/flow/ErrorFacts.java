package io.nightwatch.ui.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.flow.ContainerErrors;
import io.nightwatch.flow.Series;

import java.util.List;

/**
 * One container's error-level log lines, worded.
 *
 * @param summary "3 error lines/min", "none now · 12 since start", ...
 * @param active  error lines within the last minute
 */
public record ErrorFacts(String id, String container, String service, String host, String summary, boolean active,
                         long total, List<String> lastLines, Series history, String problem, int hostOrder) {

    private static final Texts T = Texts.of(ErrorFacts.class);

    public ErrorFacts {
        lastLines = List.copyOf(lastLines);
    }

    static ErrorFacts of(ContainerErrors errors, String service, String host, int hostOrder) {
        return new ErrorFacts(errors.serviceId(), errors.container(), service, host, ErrorWording.summary(errors),
                ErrorWording.active(errors), errors.total(), errors.lastLines(), errors.history(),
                errors.problem() == null ? "" : errors.problem(), hostOrder);
    }

    /** What the link to the lines says. */
    public String openText() {
        if (lastLines.isEmpty()) return "";
        return lastLines.size() == 1 ? T.get("errors.lastLine") : T.get("errors.lastLines", lastLines.size());
    }
}
