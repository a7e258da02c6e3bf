package io.nightwatch.cli;

import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;

/** {@code --service S,...}: which of the profile's services a command works on, or all. */
public class ServiceSelection {

    // each command says what "all" means for it (messages.properties: nightwatch.<command>.services)
    @Option(names = {"--service", "--services"}, paramLabel = "S,...", defaultValue = "all", descriptionKey = "services")
    String services;

    /** As given: "all" or names separated by commas (the runbooks' {@code services} parameter). */
    String text() { return services; }

    /** The names given; empty for all. */
    List<String> names() {
        List<String> names = Arrays.stream(services.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return names.contains("all") ? List.of() : names;
    }
}
