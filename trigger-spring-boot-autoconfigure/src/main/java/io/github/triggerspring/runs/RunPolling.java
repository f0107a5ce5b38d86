package io.github.triggerspring.runs;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.triggerspring.error.TriggerValidationException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Repeats a retrieval until the run reaches a final status, waiting on a scheduler, so
 * that no thread is held between two retrievals.
 *
 * @author trigger-spring-boot contributors
 */
final class RunPolling {

	private RunPolling() {
	}

	/**
	 * The first answer whose status is final.
	 * @param runId the run id, for the timeout's message
	 * @param retrieve one retrieval
	 * @param wait the poll interval and maximum wait
	 * @param scheduler the scheduler that times the waits
	 * @return the finished run
	 */
	static Mono<Run> untilFinished(String runId, Supplier<Mono<Run>> retrieve, WaitOptions wait, Scheduler scheduler) {
		return Mono.defer(() -> {
			checkPositive(wait.pollInterval(), "waitOptions.pollInterval");
			checkPositive(wait.maxWait(), "waitOptions.maxWait");
			AtomicReference<Run> last = new AtomicReference<>();
			Mono<Run> poll = Mono.defer(retrieve).doOnNext(last::set);
			return poll
				.expand((run) -> isFinished(run) ? Mono.empty()
						: Mono.delay(wait.pollInterval(), scheduler).then(poll))
				.filter(RunPolling::isFinished)
				.next()
				.timeout(wait.maxWait(), scheduler)
				.onErrorMap(TimeoutException.class,
						(ex) -> new RunWaitTimeoutException(runId, wait.maxWait(), last.get(), ex));
		});
	}

	static boolean isFinished(Run run) {
		return run.isCompleted() || (run.status() != null && run.status().isFinal());
	}

	private static void checkPositive(Duration duration, String field) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new TriggerValidationException(field, "must be a positive duration, but was " + duration + ".");
		}
	}

}
