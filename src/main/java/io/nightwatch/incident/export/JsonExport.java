package io.nightwatch.incident.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightwatch.incident.IncidentReport;
import io.nightwatch.store.IncidentStore;

import java.util.List;
import java.util.Map;

/** The whole incident for tooling: the incident, the computed facts, the full timeline, the runs and the series. */
final class JsonExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonExport() {}

    static String write(RedactedReport r) {
        IncidentReport.Facts f = r.report().facts();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "nightwatch-incident/1");
        root.put("generatedAt", r.report().generatedAt().toString());
        ObjectNode inc = root.putObject("incident");
        inc.put("id", r.incident().id());
        inc.put("scope", r.incident().scope());
        inc.put("title", r.incident().title());
        inc.put("openedAt", r.incident().openedAt().toString());
        inc.put("openedBy", r.incident().openedBy());
        r.incident().closedAt().ifPresentOrElse(t -> inc.put("closedAt", t.toString()), () -> inc.putNull("closedAt"));
        inc.put("closedBy", r.incident().closedBy());
        inc.put("summary", r.incident().summary());
        ObjectNode facts = root.putObject("facts");
        facts.put("firstSign", f.firstSign().toString());
        facts.put("firstSignText", r.firstSignText());
        facts.put("timeToDetectMs", f.timeToDetect().toMillis());
        f.recoveredAt().ifPresentOrElse(t -> facts.put("recoveredAt", t.toString()), () -> facts.putNull("recoveredAt"));
        f.timeToRecover().ifPresentOrElse(d -> facts.put("timeToRecoverMs", d.toMillis()), () -> facts.putNull("timeToRecoverMs"));
        facts.put("durationMs", f.duration().toMillis());
        facts.put("alertsFired", f.alertsFired());
        ArrayNode affected = facts.putArray("servicesAffected");
        r.servicesAffected().forEach(affected::add);
        ObjectNode downtime = facts.putObject("downtimeMs");
        r.downtime().forEach((s, d) -> downtime.put(s, d.toMillis()));
        ArrayNode runbooks = facts.putArray("runbooksUsed");
        r.runbooksUsed().forEach(runbooks::add);
        ArrayNode timeline = root.putArray("timeline");
        for (IncidentReport.Line l : r.timeline()) {
            ObjectNode e = timeline.addObject();
            e.put("at", l.at().toString());
            e.put("kind", l.kind());
            e.put("service", l.service());
            e.put("text", l.text());
            e.put("attachment", l.attachment().isPresent());
        }
        ArrayNode runs = root.putArray("runs");
        for (RedactedReport.Run run : r.runs()) { // run entries are in the timeline; here only their ids and outcomes
            ObjectNode o = runs.addObject();
            o.put("runId", run.runId());
            o.put("runbook", run.runbook());
            o.put("title", run.title());
            o.put("startedAt", run.run().startedAt().toString());
            run.run().endedAt().ifPresentOrElse(t -> o.put("endedAt", t.toString()), () -> o.putNull("endedAt"));
            o.put("outcome", run.outcome());
        }
        ObjectNode series = root.putObject("series");
        for (Map.Entry<String, List<IncidentStore.Sample>> s : r.samples().entrySet()) {
            ArrayNode points = series.putArray(s.getKey());
            for (IncidentStore.Sample p : s.getValue()) points.addArray().add(p.at().toString()).add(p.value());
        }
        ArrayNode kinds = root.putArray("redacted");
        r.redacted().forEach(k -> kinds.add(k.name()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the incident as JSON", e);
        }
    }
}
