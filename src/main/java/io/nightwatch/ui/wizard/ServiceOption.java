package io.nightwatch.ui.wizard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A service the operator may tick: one checkbox on the choose page. FX thread only.
 *
 * @see WizardModel#services()
 */
public final class ServiceOption {

    private final String name;
    private final String detail;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected", true);

    /** @param detail a few words beside the name, e.g. "prometheus on local · /prometheus" */
    public ServiceOption(String name, String detail) {
        this.name = name;
        this.detail = detail == null ? "" : detail;
    }

    public String name() {
        return name;
    }

    public String detail() {
        return detail;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public void setSelected(boolean value) {
        selected.set(value);
    }
}
