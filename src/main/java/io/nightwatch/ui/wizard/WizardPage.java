package io.nightwatch.ui.wizard;

import io.nightwatch.text.Texts;

/** The wizard's pages, in order. */
public enum WizardPage {
    CHOOSE,
    PREVIEW,
    RUN,
    RESULT;

    private static final Texts T = Texts.of(WizardPage.class);
    /** Keys of the form page.NAME, one per value. */
    private static final String KEYS_PAGE = "page.";

    /** The word in the page trail of the header. */
    public String label() {
        return T.get(KEYS_PAGE + name());
    }
}
