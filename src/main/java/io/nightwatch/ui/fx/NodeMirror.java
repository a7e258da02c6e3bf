package io.nightwatch.ui.fx;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps a pane's children in step with a list of models, one node per model, created once and reused: a new
 * snapshot re-lays nodes only when models come, go or move, never rebuilds them.
 */
public final class NodeMirror<M, N extends Node> {

    private final ObservableList<M> models;
    private final ObservableList<Node> children;
    private final Function<M, N> create;
    private final Consumer<N> release;
    private final Map<M, N> nodes = new IdentityHashMap<>();

    private NodeMirror(ObservableList<M> models, ObservableList<Node> children, Function<M, N> create, Consumer<N> release) {
        this.models = models;
        this.children = children;
        this.create = create;
        this.release = release;
    }

    public static <M, N extends Node> void mirror(ObservableList<M> models, ObservableList<Node> children,
                                           Function<M, N> create, Consumer<N> release) {
        NodeMirror<M, N> mirror = new NodeMirror<>(models, children, create, release);
        models.addListener((ListChangeListener<M>) change -> mirror.sync());
        mirror.sync();
    }

    private void sync() {
        List<Node> wanted = new ArrayList<>(models.size());
        Set<M> present = Collections.newSetFromMap(new IdentityHashMap<>());
        for (M model : models) {
            present.add(model);
            wanted.add(nodes.computeIfAbsent(model, create));
        }
        // identity, like the node map: a lookup per node, not a scan of the model list per node (quadratic at fleet size)
        if (nodes.size() > present.size()) {
            nodes.entrySet().removeIf(entry -> {
                boolean gone = !present.contains(entry.getKey());
                if (gone) release.accept(entry.getValue());
                return gone;
            });
        }
        if (!wanted.equals(children)) children.setAll(wanted);
    }
}
