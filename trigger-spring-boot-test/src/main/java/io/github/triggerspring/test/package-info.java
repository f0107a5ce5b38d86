/**
 * Test support for applications that use the Trigger.dev clients: a JUnit extension and a
 * Spring test annotation that run the in-memory Trigger.dev API emulator, and connection
 * details that point the clients at it.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@NullMarked
package io.github.triggerspring.test;

import org.jspecify.annotations.NullMarked;
