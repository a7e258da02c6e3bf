package io.nightwatch.ui.readiness;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * One item: status and risk (a word each, coloured by pseudo-class), the check and its subject, the evidence, the fix
 * as a copyable block, and the button of the wizard that fixes it. Nodes only.
 */
final class ItemCard extends VBox {

    ItemCard(ReadinessItem item, ReadinessViewModel model, Consumer<ReadinessItem> copy) {
        getStyleClass().add("readiness-item");
        setId("item-" + item.id().replaceAll("[^A-Za-z0-9-]", "-"));
        setUserData(item);
        ReadinessLook.STATUS.apply(this, item.status());

        Label status = label(ReadinessWording.status(item.status()), "item-status");
        ReadinessLook.STATUS.apply(status, item.status());
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label risk = label(ReadinessWording.risk(item.risk()), "item-risk");
        ReadinessLook.RISK.apply(risk, item.risk());
        risk.setMinWidth(Region.USE_PREF_SIZE);
        Label check = label(item.check(), "item-check");
        check.setMinWidth(Region.USE_PREF_SIZE);
        Label subject = label(item.subject(), "item-subject");
        HBox.setHgrow(subject, Priority.ALWAYS);
        subject.setMaxWidth(Double.MAX_VALUE);
        HBox head = new HBox(status, risk, check, subject);
        head.getStyleClass().add("item-head");
        head.setAlignment(Pos.CENTER_LEFT);

        item.wizard().ifPresent(kind -> {
            Button open = new Button(ReadinessWording.wizardButton(kind));
            open.getStyleClass().addAll("readiness-button", "item-wizard");
            open.visibleProperty().bind(model.canOpenWizardsProperty());
            open.managedProperty().bind(model.canOpenWizardsProperty());
            open.setOnAction(e -> model.openWizard(kind));
            open.setMinWidth(Region.USE_PREF_SIZE);
            head.getChildren().add(open);
        });
        if (!item.fix().isBlank()) {
            Button copyButton = new Button(ReadinessWording.copyFix());
            copyButton.getStyleClass().addAll("readiness-button", "item-copy");
            copyButton.setOnAction(e -> copy.accept(item));
            copyButton.setMinWidth(Region.USE_PREF_SIZE);
            head.getChildren().add(copyButton);
        }
        getChildren().add(head);

        // evidence on the left, the fix beside it: a card is as tall as the longer of the two, not both
        Label evidence = label(item.evidence(), "item-evidence");
        evidence.setWrapText(true);
        evidence.setMinHeight(Region.USE_PREF_SIZE);
        evidence.setMaxWidth(Double.MAX_VALUE);
        GridPane body = new GridPane();
        body.getStyleClass().add("item-body");
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(item.ok() || item.fix().isBlank() ? 100 : 52);
        body.getColumnConstraints().add(left);
        body.add(evidence, 0, 0);
        if (!item.ok() && !item.fix().isBlank()) {
            ColumnConstraints right = new ColumnConstraints();
            right.setPercentWidth(48);
            body.getColumnConstraints().add(right);
            Label fix = label(item.fix(), "item-fix");
            fix.setWrapText(true);
            fix.setMinHeight(Region.USE_PREF_SIZE);
            fix.setMaxWidth(Double.MAX_VALUE);
            body.add(fix, 1, 0);
        }
        GridPane.setValignment(evidence, javafx.geometry.VPos.TOP);
        getChildren().add(body);
    }

    private static Label label(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setMinWidth(0);
        return l;
    }
}
