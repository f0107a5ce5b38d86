package io.github.triggerspring.waitpoints;

import org.jspecify.annotations.Nullable;

/**
 * Why a waitpoint token has no output: its timeout passed before it was completed. The
 * SDK's {@code retrieveToken} returns the same as a {@code WaitpointTimeoutError} in its
 * {@code error} member.
 *
 * @param message the server's message, for example
 * {@code Waitpoint timed out at 2026-01-01T00:00:00.000Z}
 * @param code the server's error code, {@code TRIGGER_WAITPOINT_TIMEOUT}, or {@code null}
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record WaitpointTimeout(String message, @Nullable String code) {

}
