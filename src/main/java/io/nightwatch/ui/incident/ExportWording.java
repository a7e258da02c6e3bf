package io.nightwatch.ui.incident;

/** The export save dialog's words, in one place (they move to bundles with issue 13). */
final class ExportWording {

    private ExportWording() {}

    static final String TITLE = "Export the post-mortem";
    static final String FOLDER = "Folder";
    static final String NAME = "File name";
    static final String UP = "Up";
    static final String SAVE = "Save";
    static final String REPLACE = "Replace";
    static final String NO_FOLDER = "No such folder: ";
    static final String NOT_WRITABLE = "Cannot write into this folder.";
    static final String NO_NAME = "Give the file a name.";
    static final String BAD_NAME = "A file name only, without / or \\.";
    static final String IS_LINK = "That name is a link; choose another name.";
    static final String EXISTS = "A file of that name exists: Replace to overwrite it.";
    static final String TOO_MANY = "(only the first %d folders are listed)";
}
