package io.nightwatch.ui;

import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lets the header reflow instead of cutting: when its one line does not fit the window (900 px, a longer switch
 * label), the trailing part (notifications, runbooks, the summary and the verdict pill, with the header's own spacer
 * between them) moves to a second line, so the verdict and the actions stay on screen. The decision uses every node's preferred width whichever
 * line it is on, so the header does not flip back and forth at the border.
 */
final class HeaderReflow {

    private static final PseudoClass WRAPPED = PseudoClass.getPseudoClass("wrapped");
    /** The summary may shrink (its text is in a tooltip) but keeps this much of itself before the header wraps. */
    private static final double SUMMARY_KEEPS = 180;

    private final BorderPane root;
    private final HBox first;
    private final HBox second = new HBox();
    private final List<Node> order;
    private final Set<Node> trailing;
    private final Node summary;
    private boolean wrapped;

    /**
     * @param trailing the nodes that move to the second line, in header order
     * @param summary  the node holding the summary (counted at most {@value #SUMMARY_KEEPS} px wide)
     */
    HeaderReflow(BorderPane root, HBox header, List<Node> trailing, Node summary, Observable... alsoWhen) {
        this.root = root;
        this.first = header;
        this.order = new ArrayList<>(header.getChildren());
        this.trailing = new java.util.HashSet<>(trailing);
        this.summary = summary;
        second.getStyleClass().addAll("app-header", "app-header-second");
        second.setId("app-header-second");
        root.setTop(null);
        VBox top = new VBox(header, second);
        top.getStyleClass().add("app-header-box");
        root.setTop(top);
        show(false);
        root.widthProperty().addListener(o -> update());
        for (Observable o : alsoWhen) o.addListener(x -> update());
    }

    /** Header controls added after the FXML (settings, engines), right after {@code anchor}, on its line. */
    void insertAfter(Node anchor, List<Node> nodes) {
        order.addAll(order.indexOf(anchor) + 1, nodes);
        if (trailing.contains(anchor)) trailing.addAll(nodes);
        show(wrapped);
        update();
    }

    void update() {
        double width = root.getWidth();
        if (width <= 0) return;
        Insets in = first.getInsets();
        double needed = in.getLeft() + in.getRight() + first.getSpacing() * (order.size() - 1);
        for (Node n : order) {
            double w = n.prefWidth(-1);
            needed += n == summary ? Math.min(w, SUMMARY_KEEPS) : w;
        }
        boolean wrap = needed > width;
        if (wrap != wrapped) show(wrap);
    }

    private void show(boolean wrap) {
        wrapped = wrap;
        List<Node> one = new ArrayList<>();
        List<Node> two = new ArrayList<>();
        for (Node n : order) (wrap && trailing.contains(n) ? two : one).add(n);
        first.getChildren().setAll(one);
        second.getChildren().setAll(two);
        second.setVisible(wrap);
        second.setManaged(wrap);
        first.pseudoClassStateChanged(WRAPPED, wrap);
    }
}
