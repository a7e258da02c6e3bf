package io.nightwatch.testbed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks tests that need the private Docker engine of {@link TestEngine}, so a build can include or
 * exclude them with {@code -Dgroups=engine} / {@code -DexcludedGroups=engine}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("engine")
public @interface EngineTest {
}
