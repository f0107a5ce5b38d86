/**
 * Testcontainers support: the Trigger.dev API emulator in a Docker container, with a
 * {@code @ServiceConnection} that points the Trigger.dev clients at it.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@NullMarked
package io.github.triggerspring.test.testcontainers;

import org.jspecify.annotations.NullMarked;
