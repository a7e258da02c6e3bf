package io.nightwatch.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** Placeholder until the dashboard lands. */
public class NightwatchApp extends Application {
    public static void launchWindow(String[] args) {
        Application.launch(NightwatchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.show();
    }
}
