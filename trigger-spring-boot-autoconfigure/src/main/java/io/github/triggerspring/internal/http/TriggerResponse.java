package io.github.triggerspring.internal.http;

import org.springframework.http.HttpHeaders;

/**
 * A decoded successful response with its headers.
 *
 * @param <T> the body type
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the decoded body
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record TriggerResponse<T>(int status, HttpHeaders headers, T body) {

}
