package io.nightwatch.docker;

import java.util.List;
import java.util.Locale;

/** What an ssh exit means for the operator, from its exit code and (bounded) stderr. */
final class SshFailure {

    private SshFailure() {}

    static String explain(SshTarget target, int exit, String stderr) {
        String host = target.host();
        String lower = stderr.toLowerCase(Locale.ROOT);
        if (lower.contains("remote host identification has changed")) {
            return "Host key for " + host + " has changed: if that is expected, remove the old one (ssh-keygen -R " + host
                    + ") and run " + target.sshHint() + " once to check and accept the new one";
        }
        if (lower.contains("host key verification failed") || lower.matches("(?s).*no \\S+ host key is known for.*")) {
            return "Host key for " + host + " is not known: run " + target.sshHint() + " once to check and accept it";
        }
        if (lower.contains("permission denied")) {
            java.util.regex.Matcher denied = java.util.regex.Pattern.compile("Permission denied( \\([a-z,-]{1,80}\\))?",
                    java.util.regex.Pattern.CASE_INSENSITIVE).matcher(stderr);
            return "ssh to " + host + " refused the login (" + (denied.find() ? denied.group() : "Permission denied")
                    + "): add the key to the ssh agent or name it in ~/.ssh/config (Nightwatch never asks for a password)";
        }
        if (exit == 127 || lower.matches("(?s).*docker['\"]?: (command )?not found.*") || lower.contains("'docker': no such file")) {
            return host + " has no docker CLI on its PATH (Nightwatch runs 'docker system dial-stdio' there over ssh, as the"
                    + " Docker CLI does): install the docker CLI on " + host;
        }
        if (lower.contains("could not resolve hostname")) return "ssh cannot resolve the host name " + host;
        if (lower.contains("cannot connect to the docker daemon")) {
            return "the docker CLI on " + host + " cannot reach its engine: " + lastLine(stderr);
        }
        String last = lastLine(stderr);
        return "ssh to " + host + " failed (exit " + exit + ")" + (last.isEmpty() ? "" : ": " + last);
    }

    /** The last non-empty line, one line, short, with user names in user@host removed (they look like e-mail addresses). */
    static String lastLine(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) return "";
        String line = lines.get(lines.size() - 1).replaceAll("\\p{Cntrl}", "?").replaceAll("[^\\s@()'\"]+@", "…@");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
