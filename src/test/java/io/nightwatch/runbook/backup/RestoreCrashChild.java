package io.nightwatch.runbook.backup;

import io.nightwatch.docker.DockerGateway;
import io.nightwatch.docker.EngineAddress;
import io.nightwatch.runbook.RunListener;
import io.nightwatch.runbook.RunbookRunner;
import io.nightwatch.runbook.Step;
import io.nightwatch.stack.ReferenceStack;
import io.nightwatch.stack.StackProfile;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The process {@link InEngineSafetyCopyTest} kills (SIGKILL) at the worst moment of a restore of Redis: the swap step
 * has done all its work (old data aside, staged files in), but the journal never heard that the step ended.
 * Arguments: journal dir, set dir, engine address. Prints "BLOCKED" once there, then waits to be killed.
 */
public final class RestoreCrashChild {

    private RestoreCrashChild() {}

    public static void main(String[] args) throws Exception {
        StackProfile profile = ReferenceStack.profile().withPrimaryHostAddress(args[2]);
        DockerGateway gateway = DockerGateway.connect(EngineAddress.resolve(profile.hosts().get(0), Map.of()));
        Map<String, String> params = Map.of("set", args[1], "services", "redis");
        var built = new RestoreRunbook(profile, Map.of(), h -> gateway, Clock.systemUTC()).build(params);
        // The real swap step, killed right after its execute returned: the journal never hears that it ended.
        List<Step> steps = built.steps().stream().map(s -> s.id().equals("swap-redis") ? killedAfterExecute(s) : s).toList();
        var runbook = new io.nightwatch.runbook.Runbook(built.id(), built.title(), built.purpose(), built.parameters(), steps);
        new RunbookRunner(Path.of(args[0]), Clock.systemUTC()).run(runbook, params, new RunListener() { });
        System.out.println("ENDED"); // only if nobody killed it
    }

    private static Step killedAfterExecute(Step real) {
        return (Step) Proxy.newProxyInstance(Step.class.getClassLoader(), new Class<?>[] {Step.class}, (proxy, method, a) -> {
            Object result;
            try {
                result = method.invoke(real, a);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("execute")) {
                System.out.println("BLOCKED");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            return result;
        });
    }
}
