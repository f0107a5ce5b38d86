package io.github.triggerspring.autoconfigure.webhooks;

import org.springframework.http.HttpStatus;

/**
 * What the endpoint answers to a delivery: a status and a short plain-text message.
 *
 * @param status the status
 * @param message the message, free of secrets and of the body
 * @author trigger-spring-boot contributors
 */
record WebhookReply(HttpStatus status, String message) {

}
