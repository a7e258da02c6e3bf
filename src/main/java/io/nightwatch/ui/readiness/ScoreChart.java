package io.nightwatch.ui.readiness;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneId;

/**
 * The score over time: one bar per recorded audit (its height the share of OK items, its colour the production
 * verdict, the numbers in its tooltip), oldest on the left, so a team sees the stack getting ready.
 */
final class ScoreChart extends VBox {

    static final double BAR_AREA_HEIGHT = 56;

    private final HBox bars = new HBox();
    private final Label trend = new Label();
    private final Label empty = new Label(ReadinessWording.noHistory());

    ScoreChart(ObservableList<ScorePoint> points, ZoneId zone) {
        getStyleClass().add("score-chart");
        setId("readiness-history");
        Label title = new Label(ReadinessWording.history());
        title.getStyleClass().add("readiness-caption");
        bars.getStyleClass().add("score-bars");
        bars.setAlignment(Pos.BOTTOM_LEFT);
        bars.setMinHeight(BAR_AREA_HEIGHT);
        bars.setPrefHeight(BAR_AREA_HEIGHT);
        bars.setMaxHeight(BAR_AREA_HEIGHT);
        trend.getStyleClass().add("score-trend");
        trend.setId("readiness-trend");
        empty.getStyleClass().add("score-empty");
        getChildren().addAll(title, bars, trend);
        points.addListener((ListChangeListener<ScorePoint>) c -> draw(points, zone));
        draw(points, zone);
    }

    private void draw(ObservableList<ScorePoint> points, ZoneId zone) {
        if (points.isEmpty()) {
            bars.getChildren().setAll(empty);
            trend.setText("");
            return;
        }
        bars.getChildren().clear();
        for (ScorePoint p : points) {
            // a faint full-height column behind each bar: the share of OK items reads against "all OK"
            Region bar = new Region();
            bar.getStyleClass().add("score-bar");
            ReadinessLook.VERDICT.apply(bar, p.verdict());
            double h = Math.max(3, Math.round(p.fraction() * BAR_AREA_HEIGHT));
            bar.setMinHeight(h);
            bar.setPrefHeight(h);
            bar.setMaxHeight(h);
            bar.setMaxWidth(Double.MAX_VALUE);
            VBox column = new VBox(bar);
            column.getStyleClass().add("score-column");
            column.setAlignment(Pos.BOTTOM_CENTER);
            column.setMinSize(3, BAR_AREA_HEIGHT);
            column.setPrefSize(14, BAR_AREA_HEIGHT);
            column.setMaxSize(14, BAR_AREA_HEIGHT);
            HBox.setHgrow(column, Priority.ALWAYS);
            Tooltip.install(column, new Tooltip(ReadinessWording.point(p.takenAt(), zone, p.verdict(), p.ok(), p.total())));
            bars.getChildren().add(column);
        }
        ScorePoint first = points.get(0);
        ScorePoint last = points.get(points.size() - 1);
        trend.setText(ReadinessWording.trend(points.size(), first.ok(), first.total(), last.ok(), last.total()));
    }
}
