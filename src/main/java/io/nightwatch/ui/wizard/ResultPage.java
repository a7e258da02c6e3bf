package io.nightwatch.ui.wizard;

import io.nightwatch.text.Texts;
import io.nightwatch.ui.controls.Glyph;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Page 4: the outcome (icon and word), what it means in one sentence, the duration (for a restore that worked: the
 * RTO achieved), the journal, and for anything but success the runner's account and which steps were undone; then
 * every step with its final state.
 */
final class ResultPage {

    private static final Texts T = Texts.of(ResultPage.class);

    private final VBox content = new VBox();
    private final ScrollPane root = io.nightwatch.ui.fx.ScrollPanes.drawingChangesOnly(new ScrollPane(content));
    private final Glyph<StepState> glyph = StepState.glyph(StepState.DONE);
    private final Label word = WizardNodes.label("", "wizard-outcome-word");
    private final HBox outcome = new HBox(glyph, word);
    private final Label headline = WizardNodes.text("", "wizard-headline");
    private final Label durationCaption = WizardNodes.label("", "wizard-fact-caption");
    private final Label duration = WizardNodes.label("", "wizard-duration");
    private final TextField journal = new TextField();
    private final Label message = WizardNodes.text("", "wizard-message");
    private final Label undone = WizardNodes.hiddenWhenEmpty(WizardNodes.text("", "wizard-undone"));
    private final VBox messageBox = new VBox();

    ResultPage(WizardModel<?> model) {
        content.getStyleClass().addAll("wizard-page", "wizard-result");
        root.getStyleClass().add("wizard-scroll");
        root.setFitToWidth(true);
        outcome.getStyleClass().add("wizard-outcome");
        outcome.setAlignment(Pos.CENTER_LEFT);
        outcome.setMaxWidth(HBox.USE_PREF_SIZE);
        word.setId("wizard-outcome-word");
        headline.setId("wizard-headline");
        duration.setId("wizard-duration");
        durationCaption.setId("wizard-duration-caption");
        message.setId("wizard-message");
        undone.setId("wizard-undone");

        journal.setEditable(false);
        journal.getStyleClass().add("wizard-journal");
        journal.setId("wizard-journal");
        HBox.setHgrow(journal, Priority.ALWAYS);
        Button copy = new Button(T.get("button.copy"));
        copy.getStyleClass().add("wizard-small-button");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(io.nightwatch.redact.Redactor.clean(journal.getText())); // the clipboard leaves the process
            Clipboard.getSystemClipboard().setContent(c);
        });
        HBox journalRow = new HBox(journal, copy);
        journalRow.getStyleClass().add("wizard-folder-row");
        journalRow.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("wizard-result-facts");
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(150);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().addAll(captions, values);
        facts.addRow(0, durationCaption, duration);
        facts.addRow(1, WizardNodes.label(T.get("result.journal"), "wizard-fact-caption"), journalRow);

        messageBox.getStyleClass().add("wizard-message-box");
        messageBox.getChildren().addAll(WizardNodes.label(T.get("result.whatHappened"), "wizard-fact-caption"), message, undone);

        content.getChildren().addAll(outcome, headline, facts, messageBox,
                WizardNodes.label(T.get("result.steps"), "wizard-section"), new StepListView(model.stepRows(), "result-step-"));
        model.resultFactsProperty().addListener((o, old, now) -> show(now));
        show(model.resultFactsProperty().get());
    }

    ScrollPane node() {
        return root;
    }

    private void show(ResultFacts facts) {
        if (facts == null) return;
        StepState look = WizardWording.outcomeGlyph(facts.outcome());
        glyph.stateProperty().set(look);
        StepState.apply(outcome, look);
        word.setText(facts.word());
        headline.setText(facts.headline());
        durationCaption.setText(facts.durationCaption().toUpperCase(io.nightwatch.text.Language.current().locale()));
        duration.setText(facts.duration());
        journal.setText(facts.journal());
        message.setText(facts.message());
        // the runner's message already names what was undone (and the step list shows it); what it cannot say
        // too plainly is what is left half-done
        String undoneText = facts.undoFailed().isEmpty() ? ""
                : T.get("result.notUndone", String.join(", ", facts.undoFailed()));
        undone.setText(undoneText);
        WizardNodes.shown(messageBox, !facts.succeeded());
        StepState.apply(messageBox, look);
        root.setVvalue(0);
    }
}
