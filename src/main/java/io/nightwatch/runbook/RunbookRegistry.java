package io.nightwatch.runbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All runbooks the application knows, by id, in the order given (the order of the docs index and menus). */
public final class RunbookRegistry {

    private final Map<String, RunbookDefinition> byId = new LinkedHashMap<>();

    public RunbookRegistry(List<RunbookDefinition> definitions) {
        for (RunbookDefinition d : definitions) {
            if (byId.putIfAbsent(d.id(), d) != null) throw new IllegalArgumentException("two runbooks have the id " + d.id());
        }
    }

    public Optional<RunbookDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<RunbookDefinition> all() {
        return List.copyOf(byId.values());
    }
}
