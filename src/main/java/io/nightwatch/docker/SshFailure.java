package io.nightwatch.docker;

import io.nightwatch.text.Texts;

import java.util.List;
import java.util.Locale;

/** What an ssh exit means for the operator, from its exit code and (bounded) stderr. */
final class SshFailure {

    private static final Texts T = Texts.of(SshFailure.class);

    private SshFailure() {}

    static String explain(SshTarget target, int exit, String stderr) {
        String host = target.host();
        String lower = stderr.toLowerCase(Locale.ROOT);
        // ssh's and the far side's own words (English) decide which sentence fits
        if (lower.contains("remote host identification has changed")) { // tool text: ssh's words
            return T.get("ssh.hostKeyChanged", host, target.sshHint());
        }
        if (lower.contains("host key verification failed") || lower.matches("(?s).*no \\S+ host key is known for.*")) { // tool text
            return T.get("ssh.hostKeyUnknown", host, target.sshHint());
        }
        if (lower.contains("permission denied")) { // tool text: ssh's words
            java.util.regex.Matcher denied = java.util.regex.Pattern.compile("Permission denied( \\([a-z,-]{1,80}\\))?", // tool text
                    java.util.regex.Pattern.CASE_INSENSITIVE).matcher(stderr);
            return T.get("ssh.loginRefused", host, denied.find() ? denied.group() : "Permission denied"); // tool text: ssh's words
        }
        if (exit == 127 || lower.matches("(?s).*docker['\"]?: (command )?not found.*") || lower.contains("'docker': no such file")) { // tool text
            return T.get("ssh.noDockerCli", host);
        }
        if (lower.contains("could not resolve hostname")) return T.get("ssh.cannotResolve", host); // tool text: ssh's words
        if (lower.contains("cannot connect to the docker daemon")) { // tool text: docker's words
            return T.get("ssh.noEngine", host, lastLine(stderr));
        }
        String last = lastLine(stderr);
        return last.isEmpty() ? T.get("ssh.failed", host, exit) : T.get("ssh.failedWhy", host, exit, last);
    }

    /** The last non-empty line, one line, short, with user names in user@host removed (they look like e-mail addresses). */
    static String lastLine(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) return "";
        String line = lines.get(lines.size() - 1).replaceAll("\\p{Cntrl}", "?").replaceAll("[^\\s@()'\"]+@", "…@");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
