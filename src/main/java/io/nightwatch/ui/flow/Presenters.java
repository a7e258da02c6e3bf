package io.nightwatch.ui.flow;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;

import java.util.function.Consumer;

/** Keeps a node showing its {@link LiveItem}'s newest facts until the node is released. */
final class Presenters {

    private static final String KEY = Presenters.class.getName();

    private Presenters() {}

    static <F, N extends Node> N follow(LiveItem<F> item, N node, Consumer<F> show) {
        ChangeListener<F> listener = (o, old, facts) -> show.accept(facts);
        item.factsProperty().addListener(listener);
        node.getProperties().put(KEY, (Runnable) () -> item.factsProperty().removeListener(listener));
        show.accept(item.getFacts());
        return node;
    }

    static void release(Node node) {
        if (node.getProperties().remove(KEY) instanceof Runnable detach) detach.run();
    }
}
