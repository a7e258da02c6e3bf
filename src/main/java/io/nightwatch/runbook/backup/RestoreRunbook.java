package io.nightwatch.runbook.backup;

import io.nightwatch.text.Texts;
import io.nightwatch.alerts.AlertmanagerClient;
import io.nightwatch.docker.DockerGateway;
import io.nightwatch.probe.ServiceProber;
import io.nightwatch.runbook.Parameter;
import io.nightwatch.runbook.Runbook;
import io.nightwatch.runbook.RunbookDefinition;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.ServiceSpec;
import io.nightwatch.stack.StackProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The restore runbook: check the set, stage its files beside each running service's data (hashed on the way, so a
 * damaged set stops nothing), then per service silence, stop, swap (old data aside into a safety folder on the same
 * volume, staged files into place), start, check the data, lift the silence. Any failure puts the safety copy back.
 * Swarm services keep the older order (verify, stop, set aside, upload). The journal records the RTO achieved.
 */
public final class RestoreRunbook implements RunbookDefinition {

    public static final String ID = "restore";
    private static final Texts T = Texts.of(RestoreRunbook.class);
    static final Duration GRACE = Duration.ofSeconds(30);
    static final Duration HEALTHY_WITHIN = Duration.ofSeconds(90);

    private final StackProfile profile;
    private final Map<String, String> env;
    private final Function<String, DockerGateway> engines;
    private final Clock clock;

    public RestoreRunbook(StackProfile profile, Map<String, String> env, Function<String, DockerGateway> engines, Clock clock) {
        this.profile = profile;
        this.env = env;
        this.engines = engines;
        this.clock = clock;
    }

    public String id() { return ID; }
    public String title() { return T.get("restore.title"); }
    public String purpose() { return T.get("restore.purpose"); }
    public List<Parameter> parameters() {
        return List.of(new Parameter("set", T.get("restore.param.set"), true, "~/.local/share/nightwatch/backups/20261125-030000-local"),
                new Parameter("services", T.get("restore.param.services"), false, "redis"));
    }

    public Runbook build(Map<String, String> params) {
        Path set = Path.of(Optional.ofNullable(params.get("set")).orElseThrow(() -> new IllegalArgumentException(T.get("restore.setRequired"))));
        BackupManifest manifest = manifestOrExample(set, params);
        String wanted = params.getOrDefault("services", "all");
        List<BackupManifest.ServiceBackup> chosen = new ArrayList<>();
        for (BackupManifest.ServiceBackup b : manifest.services()) {
            if (wanted.equals("all") || List.of(wanted.split(",")).stream().map(String::trim).anyMatch(b.service()::equals)) chosen.add(b);
        }
        if (chosen.isEmpty()) throw new IllegalArgumentException(T.get("restore.noneOf", wanted,
                String.join(", ", manifest.services().stream().map(BackupManifest.ServiceBackup::service).toList())));
        Optional<AlertmanagerClient> alertmanager = SilenceSteps.alertmanagerOf(profile);
        ServiceProber prober = new ServiceProber(profile.probeTimeout(), env);

        List<ServiceAccess> services = new ArrayList<>();
        for (BackupManifest.ServiceBackup backup : chosen) {
            ServiceSpec spec = profile.services().stream().filter(s -> s.name().equals(backup.service())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(T.get("restore.noService", backup.service())));
            ServiceAccess s = new ServiceAccess(engines.apply(spec.host()), spec, env, profile.probeTimeout().multipliedBy(5),
                    ServiceAccess.helperImageOf(profile, spec));
            // A Swarm task on another node is reached through that node's engine, when the profile names it.
            profile.host(spec.host()).filter(h -> !h.nodes().isEmpty())
                    .ifPresent(h -> s.routeTasksBy(io.nightwatch.health.SwarmNodes.router(h, s.manager())));
            services.add(s);
        }
        List<Optional<String>> swarmNames = services.stream().map(s -> s.swarmService().map(io.nightwatch.docker.SwarmService::name)).toList();

        List<Step> steps = new ArrayList<>();
        VerifiedFiles hashed = new VerifiedFiles();
        // Plain containers get the set staged beside their running data, each file hashed on the way, so only the
        // structure is checked first. A Swarm service keeps the old order (stop, set aside, upload): its running task
        // may be replaced on another node with another volume before the scale-down, taking the staged files with it,
        // so its files are hashed by the full verification before anything is touched.
        boolean anySwarm = swarmNames.stream().anyMatch(Optional::isPresent);
        steps.add(anySwarm ? new CommonSteps.VerifySet(ctx -> set, T.get("verifySet.whenRestore"), hashed) : new CommonSteps.CheckSet(set));
        // Every service's files are staged before the first stop: a damaged file of the last service stops none.
        for (int i = 0; i < chosen.size(); i++) {
            if (swarmNames.get(i).isEmpty()) steps.add(new RestoreSteps.StageData(services.get(i), set, chosen.get(i), hashed));
        }
        List<SilenceSteps.Silence> silences = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            ServiceAccess s = services.get(i);
            BackupManifest.ServiceBackup backup = chosen.get(i);
            SilenceSteps.Silence silence = new SilenceSteps.Silence(alertmanager, s, Duration.ofMinutes(30), "restore");
            silences.add(silence);
            steps.add(silence);
            // A Swarm service is scaled to 0 and back: a stopped task would just be replaced.
            Optional<String> swarmName = swarmNames.get(i);
            steps.add(swarmName.<Step>map(n -> new SwarmSteps.ScaleDown(s, n, HEALTHY_WITHIN)).orElseGet(() -> new RestoreSteps.Stop(s, GRACE)));
            if (swarmName.isEmpty()) {
                // One helper: the old data aside (a rename on the same volume), the staged files into place.
                steps.add(InEngineSafetyCopy.swapping(s));
            } else {
                // Once stopped: the safety copy is a move within the service's own volume, not a copy out of the engine.
                steps.add(new InEngineSafetyCopy(s));
                steps.add(new RestoreSteps.ReplaceData(s, set, backup, hashed));
            }
            steps.add(swarmName.<Step>map(n -> new SwarmSteps.ScaleUp(s, n, prober, HEALTHY_WITHIN))
                    .orElseGet(() -> new RestoreSteps.StartAndWaitHealthy(s, prober, HEALTHY_WITHIN)));
            steps.add(new RestoreSteps.CheckData(s, backup, Duration.ofSeconds(60)));
        }
        silences.forEach(silence -> steps.add(new SilenceSteps.Unsilence(silence)));
        return new Runbook(ID, title(), purpose(), parameters(), steps);
    }

    /** Docs render the runbook from the example parameters, where no set exists: describe one of each kind. */
    private BackupManifest manifestOrExample(Path set, Map<String, String> params) {
        if (Files.isRegularFile(set.resolve(BackupManifest.FILE))) {
            try {
                return BackupManifest.read(set);
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        if (!set.toString().startsWith("~")) {
            throw new IllegalArgumentException(T.get("restore.incomplete", set, BackupManifest.FILE));
        }
        List<BackupManifest.ServiceBackup> example = profile.services().stream()
                .filter(s -> s.name().equals(params.getOrDefault("services", "redis")))
                .map(s -> new BackupManifest.ServiceBackup(s.name(), s.kind().id(), s.container(), "", s.dataPath().orElse("/data"),
                        "", List.of(), Map.of("keys", "<keys>"))).toList();
        return new BackupManifest(1, "example", "local", "", clock.instant(), clock.instant(), example);
    }
}
