package io.github.triggerspring.tasks;

import reactor.core.publisher.Flux;

/**
 * The NDJSON lines of a batch, written before phase 1 so that the run count is known.
 *
 * @param count number of lines, the batch's run count
 * @param lines the lines, each ending with a line break; subscribed once per attempt
 * @author trigger-spring-boot contributors
 */
record BatchLines(int count, Flux<String> lines) {

}
