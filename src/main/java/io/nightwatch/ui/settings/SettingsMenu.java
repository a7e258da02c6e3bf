package io.nightwatch.ui.settings;

import io.nightwatch.text.Language;
import io.nightwatch.text.Texts;
import io.nightwatch.ui.fx.Theme;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.SVGPath;

import java.util.function.Consumer;

/**
 * The header's settings menu: language (the window is built again in it at once), theme (applied at once) and the
 * keyboard sheet. Both choices are remembered in {@code window.properties}.
 */
public final class SettingsMenu {

    private static final Texts T = Texts.of(SettingsMenu.class);

    private final MenuButton button = new MenuButton();

    /**
     * @param onLanguage called on the FX thread when the operator picks another language
     * @param onTheme    called on the FX thread when the operator picks another theme
     * @param onShortcuts opens the keyboard sheet
     */
    public SettingsMenu(Language language, Theme theme, Consumer<Language> onLanguage, Consumer<Theme> onTheme, Runnable onShortcuts) {
        button.setId("settings-menu");
        button.getStyleClass().add("settings-menu");
        button.setMnemonicParsing(false);
        button.setTooltip(new Tooltip(T.get("settings.tip")));
        SVGPath gear = new SVGPath(); // a cog: settings, as everywhere
        gear.setContent("M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm9 5.5v-3l-2.3-.6a7 7 0 0 0-.8-1.9l1.2-2-2.1-2.1-2 1.2a7 7 0 0 0-1.9-.8"
                + "L12.5 2h-3l-.6 2.3a7 7 0 0 0-1.9.8l-2-1.2-2.1 2.1 1.2 2a7 7 0 0 0-.8 1.9L1 10.5v3l2.3.6a7 7 0 0 0 .8 1.9l-1.2 2"
                + " 2.1 2.1 2-1.2a7 7 0 0 0 1.9.8l.6 2.3h3l.6-2.3a7 7 0 0 0 1.9-.8l2 1.2 2.1-2.1-1.2-2a7 7 0 0 0 .8-1.9z");
        gear.getStyleClass().add("settings-glyph");
        button.setGraphic(gear);

        Menu languages = new Menu(T.get("settings.language"));
        ToggleGroup langGroup = new ToggleGroup();
        for (Language l : Language.values()) {
            RadioMenuItem item = new RadioMenuItem(T.get("settings.language." + l.tag()));
            item.setId("language-" + l.tag());
            item.setToggleGroup(langGroup);
            item.setSelected(l == language);
            item.setOnAction(e -> { if (l != Language.current()) onLanguage.accept(l); });
            languages.getItems().add(item);
        }
        Menu themes = new Menu(T.get("settings.theme"));
        ToggleGroup themeGroup = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(T.get("settings.theme." + t.name()));
            item.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(themeGroup);
            item.setSelected(t == theme);
            item.setOnAction(e -> onTheme.accept(t));
            themes.getItems().add(item);
        }
        MenuItem shortcuts = new MenuItem(T.get("settings.shortcuts"));
        shortcuts.setOnAction(e -> onShortcuts.run());
        button.getItems().setAll(languages, themes, new SeparatorMenuItem(), shortcuts);
    }

    public MenuButton node() {
        return button;
    }

    /** Why the window is not rebuilt now. */
    public static String busyWords() {
        return T.get("reopen.busy");
    }

    public static String switchFailedWords(String why) {
        return T.get("switch.failed", why);
    }
}
