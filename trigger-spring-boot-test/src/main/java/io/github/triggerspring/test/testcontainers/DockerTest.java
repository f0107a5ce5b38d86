package io.github.triggerspring.test.testcontainers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that need Docker: without Docker they are skipped on a developer machine,
 * but run (and fail loudly) when the environment variable {@code CI} is {@code true}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DockerTestCondition.class)
public @interface DockerTest {

}
