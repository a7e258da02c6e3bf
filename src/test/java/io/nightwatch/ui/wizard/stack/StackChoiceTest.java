package io.nightwatch.ui.wizard.stack;

import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.Step;
import io.nightwatch.runbook.recovery.VerifyRecovered;
import io.nightwatch.runbook.stack.StackRunbook;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;
import io.nightwatch.ui.wizard.ServiceOption;
import io.nightwatch.ui.wizard.backup.ServiceCheck;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack wizard's first page without a window or an engine: the action, the services, and the order it shows. */
class StackChoiceTest {

    private static StackChoice choice() {
        List<ServiceOption> inStopOrder = StackRunbook.stopOrder(ReferenceStack.profile().services()).stream()
                .map(s -> new ServiceOption(s.name(), s.kind().id())).toList();
        return new StackChoice(inStopOrder, ServiceCheck.NONE);
    }

    @Test
    void showsTheOrderOfTheTickedServicesForTheChosenAction() {
        StackChoice c = choice();
        assertEquals("Choose stop, start or restart.", c.blocker());
        assertEquals("", c.stopOrderProperty().get());

        c.actionProperty().set(StackRunbook.Action.RESTART);
        assertEquals("", c.blocker());
        assertEquals("Stop order: promtail → otel-collector → loki → prometheus → grafana → alertmanager → redis", c.stopOrderProperty().get());
        assertEquals("Start order: redis → alertmanager → grafana → prometheus → loki → otel-collector → promtail", c.startOrderProperty().get());

        c.services().forEach(s -> s.setSelected(List.of("redis", "loki").contains(s.name())));
        assertEquals("Stop order: loki → redis", c.stopOrderProperty().get());
        assertEquals(Map.of("action", "restart", "services", "loki,redis"), c.parameters());
        assertEquals(List.of("Action: restart", "Services: loki, redis", "Stop order: loki → redis", "Start order: redis → loki"), c.summary());
        assertEquals("stack restart", c.word());

        c.actionProperty().set(StackRunbook.Action.START);
        assertEquals("", c.stopOrderProperty().get(), "a start stops nothing");
        assertEquals("Start order: redis → loki", c.startOrderProperty().get());

        c.services().forEach(s -> s.setSelected(false));
        assertEquals("Tick at least one service.", c.blocker());
    }

    @Test
    void aServiceNotDeployedHereCannotBeTicked() {
        StackChoice c = choice();
        ServiceOption loki = c.services().stream().filter(s -> s.name().equals("loki")).findFirst().orElseThrow();
        loki.markUnavailable("not deployed here: no container sva-studio-loki on local");
        c.actionProperty().set(StackRunbook.Action.STOP);
        assertTrue(!c.parameters().get("services").contains("loki"), c.parameters().toString());
        assertEquals("", c.startOrderProperty().get(), "a stop starts nothing");
    }

    @Test
    void theWizardsDefinitionHandsTheRunToTheActionsRunbook() {
        StackProfile profile = ReferenceStack.profile();
        StackRunbooks runbooks = new StackRunbooks(a -> new StackRunbook(a, profile, Map.of(), h -> null, VerifyRecovered.Timing.DEFAULT));
        Runbook stop = runbooks.build(Map.of("action", "stop", "services", "redis,promtail"));
        assertEquals("stack-stop", stop.id(), "journaled under the CLI's id");
        List<String> stops = stop.steps().stream().map(Step::id).filter(id -> id.startsWith("stop-")).toList();
        assertEquals(2, stops.size(), stops.toString());
        assertTrue(stops.get(0).contains("promtail") && stops.get(1).contains("redis"), "producers first: " + stops);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> runbooks.build(Map.of("action", "down")));
        assertEquals("stack takes stop, start or restart, not 'down'", bad.getMessage());
        assertEquals(List.of("promtail", "redis"), StackRunbook.stopOrder(List.of(spec(profile, "redis"), spec(profile, "promtail")))
                .stream().map(ServiceSpec::name).toList());
    }

    private static ServiceSpec spec(StackProfile profile, String name) {
        return profile.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
