package io.nightwatch.ui.flow;

import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Brings a list of {@link LiveItem}s in step with the newest facts: updated in place, added, dropped, ordered. */
final class LiveList {

    private LiveList() {}

    /**
     * @param wanted facts from the newest snapshot; seeded items it does not mention stay as they are
     * @param order  the order the view shows them in
     */
    static <F> void sync(ObservableList<LiveItem<F>> items, List<F> wanted, Function<F, String> id, Comparator<F> order) {
        Map<String, LiveItem<F>> existing = new HashMap<>();
        items.forEach(item -> existing.put(item.id(), item));
        Map<String, LiveItem<F>> next = new LinkedHashMap<>();
        for (F facts : wanted) {
            String key = id.apply(facts);
            LiveItem<F> item = existing.get(key);
            if (item == null) item = new LiveItem<>(key, facts, false);
            else item.show(facts);
            next.put(key, item);
        }
        items.stream().filter(LiveItem::seeded).forEach(item -> next.putIfAbsent(item.id(), item));
        List<LiveItem<F>> ordered = new ArrayList<>(next.values());
        ordered.sort(Comparator.comparing(LiveItem::getFacts, order));
        if (!ordered.equals(items)) items.setAll(ordered); // only a real change re-lays the nodes
    }
}
