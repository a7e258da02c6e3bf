package io.nightwatch.ui.wizard;

import io.nightwatch.text.Texts;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Page 2: nothing has changed yet. Every step with its title, why it exists, what is checked before it, exactly what
 * it will do (monospace, one line per Docker call, HTTP call or file), how it is verified, and what happens to it
 * if a later step fails.
 */
final class PreviewPage {

    private static final Texts T = Texts.of(PreviewPage.class);

    private final WizardModel<?> model;
    private final VBox content = new VBox();
    private final VBox cards = new VBox();
    private final VBox choices = new VBox();
    private final ScrollPane root = io.nightwatch.ui.fx.ScrollPanes.drawingChangesOnly(new ScrollPane(content));

    PreviewPage(WizardModel<?> model) {
        this.model = model;
        content.getStyleClass().addAll("wizard-page", "wizard-preview");
        cards.getStyleClass().add("wizard-step-cards");
        choices.getStyleClass().add("wizard-choices");
        root.getStyleClass().add("wizard-scroll");
        root.setFitToWidth(true);
        Label lead = WizardNodes.text(T.get("preview.lead", model.choice().word()), "wizard-lead");
        content.getChildren().addAll(lead, choices, cards);
        model.planProperty().addListener((o, old, now) -> show(now));
        show(model.planProperty().get());
    }

    ScrollPane node() {
        return root;
    }

    private void show(Plan plan) {
        choices.getChildren().clear();
        cards.getChildren().clear();
        root.setVvalue(0);
        if (plan == null) return;
        for (String c : plan.choices()) choices.getChildren().add(WizardNodes.text(c, "wizard-choice"));
        choices.getChildren().add(WizardNodes.label(T.get("preview.stepCount", plan.steps().size()), "wizard-choice-count"));
        for (StepPlan step : plan.steps()) cards.getChildren().add(card(step));
    }

    private static VBox card(StepPlan step) {
        Label number = WizardNodes.label(String.valueOf(step.index() + 1), "wizard-step-number");
        number.setMinWidth(Label.USE_PREF_SIZE);
        Label title = WizardNodes.text(step.title(), "wizard-step-title");
        HBox head = new HBox(number, title);
        head.getStyleClass().add("wizard-step-head");
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("wizard-step-facts");
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(150);
        captions.setPrefWidth(150);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        facts.getColumnConstraints().addAll(captions, values);
        int row = 0;
        if (!step.checkedBefore().isEmpty()) facts.addRow(row++, caption(T.get("fact.checkedBefore")), WizardNodes.text(step.checkedBefore(), "wizard-step-text"));
        facts.addRow(row++, caption(T.get("fact.doesExactly")), previewBox(step));
        if (!step.verification().isEmpty()) facts.addRow(row++, caption(T.get("fact.verifiedBy")), WizardNodes.text(step.verification(), "wizard-step-text"));
        facts.addRow(row, caption(T.get("fact.ifLaterFails")), WizardNodes.text(step.ifLaterFails(), "wizard-step-text"));

        VBox card = new VBox(head);
        if (!step.explanation().isEmpty()) card.getChildren().add(WizardNodes.text(step.explanation(), "wizard-step-explanation"));
        card.getChildren().add(facts);
        card.getStyleClass().add("wizard-step-card");
        card.setId("plan-" + step.id());
        return card;
    }

    private static Node previewBox(StepPlan step) {
        VBox box = new VBox();
        box.getStyleClass().add("wizard-preview-box");
        for (String line : step.preview()) box.getChildren().add(WizardNodes.text(line, "wizard-preview-line"));
        if (step.preview().isEmpty()) box.getChildren().add(WizardNodes.text(T.get("preview.nothingOutside"), "wizard-preview-line"));
        return box;
    }

    private static Label caption(String text) {
        // wraps rather than cut: German captions are longer than the column
        Label l = WizardNodes.text(text.toUpperCase(io.nightwatch.text.Language.current().locale()), "wizard-fact-caption");
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        return l;
    }
}
