package io.nightwatch.ui.flow;

import io.nightwatch.text.Texts;
import io.nightwatch.flow.FlowState;
import io.nightwatch.flow.Pipeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** One data path (metrics, logs, ...): its cards in the order data flows, and a one-line count. */
public final class LaneModel {

    private static final Texts T = Texts.of(LaneModel.class);

    private final Pipeline pipeline;
    private final ObservableList<LiveItem<StageCardFacts>> cards = FXCollections.observableArrayList();
    private final ObservableList<LiveItem<StageCardFacts>> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<FlowState> state = new ReadOnlyObjectWrapper<>(this, "state", FlowState.UNKNOWN);

    LaneModel(Pipeline pipeline, List<StageCardFacts> seeded) {
        this.pipeline = pipeline;
        seeded.stream().sorted(StageCardFacts.LANE_ORDER).map(f -> new LiveItem<>(f.id(), f, true)).forEach(cards::add);
        updateSummary();
    }

    public Pipeline pipeline() { return pipeline; }
    public String title() {
        String key = "lane." + pipeline.name();
        return T.get(key);
    }
    public ObservableList<LiveItem<StageCardFacts>> getCards() { return cardsView; }
    /** E.g. "7 stages · 1 stalled". */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    /** STALLED if any card is, else FLOWING if any moves, IDLE if all are quiet, UNKNOWN without figures. */
    public ReadOnlyObjectProperty<FlowState> stateProperty() { return state.getReadOnlyProperty(); }

    void show(List<StageCardFacts> facts) {
        LiveList.sync(cards, facts, StageCardFacts::id, StageCardFacts.LANE_ORDER);
        updateSummary();
    }

    private void updateSummary() {
        List<FlowState> states = cards.stream().map(c -> c.getFacts().state()).toList();
        state.set(FlowViewModel.overall(states));
        summary.set(FlowViewModel.count(states));
    }
}
