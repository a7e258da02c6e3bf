package io.nightwatch.ui.wizard.stack;

import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.stack.StackRunbook.Action;
import io.nightwatch.runbook.stack.StackRunbook;
import io.nightwatch.text.Texts;
import io.nightwatch.ui.wizard.RunbookFamily;

import java.util.Arrays;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Stop, start and restart as one definition for the wizard, whose first page chooses the action: {@link #build} hands
 * the services to that action's {@link StackRunbook}, so the run is journaled under its own id ({@code stack-stop}) as
 * {@code nightwatch stack} journals it, and the incident timeline shows it the same way.
 */
public final class StackRunbooks implements RunbookDefinition, RunbookFamily {

    private static final Texts T = Texts.of(StackRunbooks.class);

    private final Function<Action, StackRunbook> byAction;

    public StackRunbooks(Function<Action, StackRunbook> byAction) {
        this.byAction = byAction;
    }

    public String id() { return "stack"; }
    public String title() { return StackWording.title(); }
    public String purpose() { return StackWording.purpose(); }
    public String cliCommand() { return "nightwatch stack"; } // tool text

    public List<Parameter> parameters() {
        return List.of(new Parameter("action", T.get("param.action"), true, "restart"),
                new Parameter("services", T.get("param.services"), true, "all"));
    }

    /** An interrupted stop, start or restart (the wizard's or the CLI's) is resumed through its own runbook. */
    @Override
    public List<RunbookDefinition> members() {
        return Arrays.stream(Action.values()).<RunbookDefinition>map(byAction::apply).toList();
    }

    public Runbook build(Map<String, String> params) {
        String action = params.getOrDefault("action", "");
        Action chosen;
        try {
            chosen = Action.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stack takes stop, start or restart, not '" + action + "'");
        }
        return byAction.apply(chosen).build(params);
    }
}
