package io.nightwatch.ui.settings;

import io.nightwatch.docker.KnownEngines;
import io.nightwatch.stack.DockerHostSpec;
import io.nightwatch.text.Texts;
import io.nightwatch.ui.fx.Background;
import io.nightwatch.ui.fx.Lane;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The header's engine picker: the engines the profile names and every Docker context, each with whether it answers
 * (asked in the background each time the menu opens, bounded by a short first-answer timeout). Choosing a context
 * watches the stack on that engine; the profile's own engines are shown for their state.
 */
public final class EnginePicker {

    private static final Texts T = Texts.of(EnginePicker.class);
    static final Duration FIRST_ANSWER = Duration.ofSeconds(2);

    private final MenuButton button = new MenuButton();
    private final Lane lane;
    private final List<DockerHostSpec> hosts;
    private final Map<String, String> env;
    private final Consumer<KnownEngines.Entry> onChoose;

    /**
     * @param hosts    the profile's hosts (shown first)
     * @param onChoose called on the FX thread with the Docker context the operator picked
     */
    public EnginePicker(List<DockerHostSpec> hosts, Map<String, String> env, Consumer<KnownEngines.Entry> onChoose) {
        this.hosts = List.copyOf(hosts);
        this.env = env;
        this.onChoose = onChoose;
        this.lane = Background.shared().lane("engine-picker", problem -> showOnly(T.get("picker.failed", problem)));
        button.setId("engine-picker");
        button.getStyleClass().add("engine-picker");
        button.setText(T.get("picker.label"));
        button.setTooltip(new Tooltip(T.get("picker.tip")));
        button.setMnemonicParsing(false);
        showOnly(T.get("picker.checking"));
        button.setOnShowing(e -> refresh());
    }

    public MenuButton node() {
        return button;
    }

    /** Asks every engine again; the menu fills when the answers are in. */
    public void refresh() {
        showOnly(T.get("picker.checking"));
        lane.run(() -> KnownEngines.reach(KnownEngines.list(hosts, env, FIRST_ANSWER)), this::show);
    }

    public void close() {
        lane.close();
    }

    private void showOnly(String line) {
        MenuItem item = new MenuItem(line);
        item.setDisable(true);
        button.getItems().setAll(item);
    }

    void show(List<KnownEngines.Reach> reached) {
        button.getItems().clear();
        String lastSource = null;
        for (KnownEngines.Reach r : reached) {
            KnownEngines.Entry e = r.entry();
            if (lastSource != null && !lastSource.equals(e.source())) button.getItems().add(new SeparatorMenuItem());
            lastSource = e.source();
            MenuItem item = new MenuItem(line(r));
            item.getStyleClass().add(r.reachable() ? "engine-reachable" : "engine-unreachable");
            item.setId("engine-" + e.source() + "-" + e.name());
            if ("context".equals(e.source()) && e.address().isPresent()) {
                item.setOnAction(a -> onChoose.accept(e));
            } else if ("context".equals(e.source())) {
                item.setDisable(true); // an address that cannot be used: its line says why
            }
            button.getItems().add(item);
        }
        if (reached.isEmpty()) showOnly(T.get("picker.none"));
    }

    static String line(KnownEngines.Reach r) {
        KnownEngines.Entry e = r.entry();
        String where = T.get("picker.source." + e.source(), e.name(), e.uri());
        String state = r.reachable()
                ? T.get("picker.answers", r.engineVersion().orElse("?"), r.millis())
                : T.get("picker.noAnswer", r.reason().orElse(T.get("picker.unknownReason")));
        return (e.current() ? "● " : "") + where + " — " + state;
    }
}
