package io.nightwatch.ui.wizard;

/** The wizard's pages, in order. */
public enum WizardPage {
    CHOOSE("Choose"),
    PREVIEW("Preview"),
    RUN("Run"),
    RESULT("Result");

    private final String label;

    WizardPage(String label) {
        this.label = label;
    }

    /** The word in the page trail of the header. */
    public String label() {
        return label;
    }
}
