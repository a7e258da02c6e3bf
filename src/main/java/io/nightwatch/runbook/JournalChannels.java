package io.nightwatch.runbook;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/** Opens journal files; a seam so tests can make writes fail like a full disk (root ignores read-only dirs). */
@FunctionalInterface
interface JournalChannels {

    JournalChannels FILES = FileChannel::open;

    FileChannel open(Path file, OpenOption... options) throws IOException;
}
