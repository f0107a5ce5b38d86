package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Every request the emulator received, in arrival order, with decoding helpers.
 * Credentials are masked (see {@link RecordedRequest}). Thread-safe; the returned lists
 * are snapshots.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class Journal {

	private final List<RecordedRequest> requests = new ArrayList<>();

	private long sequence;

	Journal() {
	}

	synchronized RecordedRequest add(java.time.Instant receivedAt, String method, String path,
			java.util.Map<String, List<String>> query, java.util.Map<String, List<String>> headers, byte[] body,
			String endpointId) {
		RecordedRequest request = new RecordedRequest(++this.sequence, receivedAt, method, path, query, headers, body,
				endpointId);
		this.requests.add(request);
		return request;
	}

	/**
	 * All recorded requests.
	 * @return the requests, oldest first
	 */
	public synchronized List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Recorded requests routed to an endpoint.
	 * @param endpoint the endpoint
	 * @return the requests, oldest first
	 */
	public List<RecordedRequest> requests(EmulatorEndpoint endpoint) {
		return requests((request) -> request.isFor(endpoint));
	}

	/**
	 * Recorded requests routed to an endpoint id, for example {@code runs.list}.
	 * @param endpointId the endpoint id
	 * @return the requests, oldest first
	 */
	public List<RecordedRequest> requests(String endpointId) {
		return requests((request) -> request.isFor(endpointId));
	}

	/**
	 * Recorded requests matching a predicate.
	 * @param filter the predicate
	 * @return the requests, oldest first
	 */
	public synchronized List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
		return this.requests.stream().filter(filter).toList();
	}

	/**
	 * The most recent request.
	 * @return the request
	 * @throws IllegalStateException if the journal is empty
	 */
	public synchronized RecordedRequest last() {
		if (this.requests.isEmpty()) {
			throw new IllegalStateException("No request was recorded");
		}
		return this.requests.get(this.requests.size() - 1);
	}

	/**
	 * Number of recorded requests.
	 * @return the count
	 */
	public synchronized int count() {
		return this.requests.size();
	}

	/**
	 * Number of recorded requests routed to an endpoint.
	 * @param endpoint the endpoint
	 * @return the count
	 */
	public int count(EmulatorEndpoint endpoint) {
		return requests(endpoint).size();
	}

	/**
	 * Forget every recorded request.
	 */
	public synchronized void clear() {
		this.requests.clear();
	}

	/**
	 * Every trigger decoded from the recorded trigger requests and batch item requests,
	 * in order (also those that were rejected or deduplicated, but not those whose body
	 * was too large to be read).
	 * @return the triggers
	 */
	public List<RecordedTrigger> triggers() {
		List<RecordedTrigger> result = new ArrayList<>();
		for (RecordedRequest request : requests()) {
			if (request.isFor(EmulatorEndpoint.TASK_TRIGGER)) {
				JsonNode body = request.jsonBody();
				if (body == null || !body.isObject()) {
					continue;
				}
				String taskId = taskIdFromPath(request.path());
				JsonNode options = body.get("options");
				result.add(new RecordedTrigger(taskId, body.get("payload"), Json.text(options, "payloadType"), options,
						null, null, request));
			}
			else if (request.isFor(EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS)) {
				String batchId = request.path().split("/")[4];
				for (String line : request.bodyAsString().split("\n")) {
					if (line.isBlank()) {
						continue;
					}
					try {
						JsonNode item = Json.parse(line.getBytes(StandardCharsets.UTF_8));
						JsonNode options = item.get("options");
						JsonNode index = item.get("index");
						result.add(new RecordedTrigger(Json.text(item, "task"), item.get("payload"),
								Json.text(options, "payloadType"), options, batchId,
								(index != null && index.canConvertToInt()) ? index.asInt() : null, request));
					}
					catch (JacksonException ex) {
						// skip malformed lines
					}
				}
			}
		}
		return result;
	}

	/**
	 * Triggers of one task.
	 * @param taskId the task identifier
	 * @return the triggers, oldest first
	 */
	public List<RecordedTrigger> triggers(String taskId) {
		return triggers().stream().filter((trigger) -> taskId.equals(trigger.taskId())).toList();
	}

	private static String taskIdFromPath(String path) {
		String prefix = "/api/v1/tasks/";
		String suffix = "/trigger";
		return path.substring(prefix.length(), path.length() - suffix.length());
	}

}
