package io.github.triggerspring.samples.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.error.TriggerException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.queues.Queue;
import io.github.triggerspring.queues.QueueRef;
import io.github.triggerspring.queues.QueuesClient;
import io.github.triggerspring.runs.RunWaitTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of the sample.
 *
 * @author trigger-spring-boot contributors
 */
@RestController
public class OrderController {

	private final OrderProcessing orders;

	private final PreviewEnvVarsSync previewEnvVars;

	private final QueuesClient queues;

	private final OrderApprovals approvals;

	public OrderController(OrderProcessing orders, PreviewEnvVarsSync previewEnvVars, QueuesClient queues,
			OrderApprovals approvals) {
		this.orders = orders;
		this.previewEnvVars = previewEnvVars;
		this.queues = queues;
		this.approvals = approvals;
	}

	@PostMapping("/orders/{orderId}")
	Mono<Map<String, Object>> placeOrder(@PathVariable String orderId,
			@RequestBody(required = false) @Nullable Map<String, Object> order) {
		Map<String, Object> payload = (order != null) ? order : Map.of();
		return this.orders.process(orderId, payload)
			.map((run) -> Map.of("orderId", orderId, "runId", run.id(), "cached", run.isCached()));
	}

	@GetMapping("/orders/{orderId}/result")
	Mono<ResponseEntity<Map<String, Object>>> result(@PathVariable String orderId,
			@RequestParam(defaultValue = "30s") String maxWait) {
		return this.orders.result(orderId, DurationStyle.detectAndParse(maxWait))
			.map((run) -> {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("orderId", orderId);
				body.put("runId", run.id());
				body.put("status", run.status().value());
				body.put("output", run.output());
				return ResponseEntity.ok(body);
			})
			.defaultIfEmpty(ResponseEntity.notFound().build());
	}

	/**
	 * Streams the status of an order's run as Server-Sent Events, one {@code status} event
	 * per change, ending once the run finished; try it with {@code curl -N}.
	 * @param orderId the order id
	 * @return the events
	 */
	@GetMapping(path = "/orders/{orderId}/status", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Map<String, Object>>> statusStream(@PathVariable String orderId) {
		return this.orders.statusUpdates(orderId).map((run) -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("orderId", orderId);
			data.put("runId", run.id());
			data.put("status", run.status().value());
			data.put("finished", run.isFinished());
			return ServerSentEvent.builder(data).event("status").build();
		});
	}

	/**
	 * Approves an order: completes the waitpoint token its run waits for.
	 * @param orderId the order id
	 * @param approval who approves, for example {@code {"approvedBy": "ada"}}
	 * @return the order's token and its status
	 */
	@PostMapping("/orders/{orderId}/approve")
	Mono<Map<String, Object>> approve(@PathVariable String orderId,
			@RequestBody(required = false) @Nullable Map<String, String> approval) {
		String approvedBy = (approval != null) ? approval.getOrDefault("approvedBy", "anonymous") : "anonymous";
		return this.approvals.approve(orderId, approvedBy)
			.map((token) -> Map.of("orderId", orderId, "tokenId", token.id(), "status", token.status().value(),
					"approval", (token.output() != null) ? token.output() : Map.of()));
	}

	@GetMapping("/runs/{runId}")
	Mono<Map<String, Object>> run(@PathVariable String runId) {
		return this.orders.run(runId)
			.map((run) -> Map.of("id", run.id(), "task", run.taskIdentifier(), "status", run.status().value(),
					"completed", run.isCompleted()));
	}

	@GetMapping("/runs")
	Flux<Map<String, Object>> recentRuns(@RequestParam(defaultValue = "10") int limit) {
		return this.orders.recentRuns(limit)
			.map((run) -> Map.of("id", run.id(), "status", run.status().value(), "tags",
					(run.tags() != null) ? run.tags() : List.of()));
	}

	@PostMapping("/runs/{runId}/cancel")
	Mono<Map<String, String>> cancel(@PathVariable String runId) {
		return this.orders.cancel(runId).map((id) -> Map.of("canceled", id));
	}

	@PostMapping("/runs/{runId}/replay")
	Mono<Map<String, String>> replay(@PathVariable String runId) {
		return this.orders.replay(runId).map((id) -> Map.of("replayedAs", id));
	}

	@PostMapping("/env-vars/sync")
	Mono<Map<String, Object>> syncPreviewEnvVars() {
		return this.previewEnvVars.sync().map((names) -> Map.of("synced", names));
	}

	/**
	 * Pauses the queue of a task, for example {@code process-order}: orders are still
	 * accepted, but their runs wait until the queue is resumed.
	 * @param name the task id whose queue to pause
	 * @return the queue's name and state
	 */
	@PostMapping("/admin/queues/{name}/pause")
	Mono<Map<String, Object>> pauseQueue(@PathVariable String name) {
		return this.queues.pause(QueueRef.task(name)).map(OrderController::queueState);
	}

	/**
	 * Resumes the queue of a task.
	 * @param name the task id whose queue to resume
	 * @return the queue's name and state
	 */
	@PostMapping("/admin/queues/{name}/resume")
	Mono<Map<String, Object>> resumeQueue(@PathVariable String name) {
		return this.queues.resume(QueueRef.task(name)).map(OrderController::queueState);
	}

	private static Map<String, Object> queueState(Queue queue) {
		return Map.of("name", queue.name(), "paused", queue.paused(), "queued", queue.queued(), "running",
				queue.running());
	}

	@ExceptionHandler(TriggerException.class)
	ResponseEntity<Map<String, String>> triggerError(TriggerException ex) {
		HttpStatus status = HttpStatus.BAD_GATEWAY;
		if (ex instanceof TriggerApiException api && api.getStatus() == 404) {
			status = HttpStatus.NOT_FOUND;
		}
		else if (ex instanceof RunWaitTimeoutException) {
			status = HttpStatus.GATEWAY_TIMEOUT;
		}
		else if (ex instanceof TriggerValidationException) {
			status = HttpStatus.BAD_REQUEST;
		}
		return ResponseEntity.status(status).body(Map.of("error", ex.getMessage()));
	}

}
