package io.github.triggerspring.samples.orders;

import java.time.Duration;
import java.util.Map;

import io.github.triggerspring.realtime.RealtimeRun;
import io.github.triggerspring.runs.ListRunsRequest;
import io.github.triggerspring.runs.Run;
import io.github.triggerspring.runs.RunSummary;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.runs.WaitOptions;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.tasks.TriggerOptions;
import io.github.triggerspring.tasks.TriggerResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Triggers the order-processing task and manages its runs.
 *
 * @author trigger-spring-boot contributors
 */
@Service
public class OrderProcessing {

	private final TasksClient tasks;

	private final RunsClient runs;

	private final SampleProperties properties;

	public OrderProcessing(TasksClient tasks, RunsClient runs, SampleProperties properties) {
		this.tasks = tasks;
		this.runs = runs;
		this.properties = properties;
	}

	/**
	 * Triggers the processing of an order. The order id is the idempotency key, so placing
	 * the same order twice returns the first run.
	 * @param orderId the order id
	 * @param order the order, sent as the task's payload
	 * @return the triggered (or cached) run
	 */
	public Mono<TriggerResult> process(String orderId, Map<String, Object> order) {
		TriggerOptions options = TriggerOptions.builder()
			.idempotencyKey(orderId)
			.tags("order:" + orderId)
			.build();
		return this.tasks.trigger(this.properties.processOrderTask(), order, options);
	}

	/**
	 * Waits for the run of an order to finish: finds it by its {@code order:<id>} tag, then
	 * retrieves it until its status is final, for at most {@code maxWait}. No thread is
	 * held while waiting.
	 * @param orderId the order id
	 * @param maxWait the longest wait
	 * @return the finished run, empty when the order has no run
	 */
	public Mono<Run> result(String orderId, Duration maxWait) {
		return this.runs
			.list(ListRunsRequest.builder()
				.taskIdentifier(this.properties.processOrderTask())
				.tag("order:" + orderId)
				.pageSize(1)
				.build())
			.next()
			.flatMap((run) -> this.runs.waitForCompletion(run.id(), WaitOptions.defaults().withMaxWait(maxWait)));
	}

	/**
	 * Follows the run of an order as it changes: finds it by its {@code order:<id>} tag,
	 * then subscribes to it in realtime, completing once the run finished.
	 * @param orderId the order id
	 * @return the run's states, empty when the order has no run
	 */
	public Flux<RealtimeRun> statusUpdates(String orderId) {
		return this.runs
			.list(ListRunsRequest.builder()
				.taskIdentifier(this.properties.processOrderTask())
				.tag("order:" + orderId)
				.pageSize(1)
				.build())
			.next()
			.flatMapMany((run) -> this.runs.subscribe(run.id()));
	}

	public Mono<Run> run(String runId) {
		return this.runs.retrieve(runId);
	}

	public Flux<RunSummary> recentRuns(int limit) {
		return this.runs
			.list(ListRunsRequest.builder().taskIdentifier(this.properties.processOrderTask()).pageSize(limit).build())
			.take(limit);
	}

	public Mono<String> cancel(String runId) {
		return this.runs.cancel(runId);
	}

	public Mono<String> replay(String runId) {
		return this.runs.replay(runId);
	}

}
