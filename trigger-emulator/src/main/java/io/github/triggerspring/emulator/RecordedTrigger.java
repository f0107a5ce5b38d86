package io.github.triggerspring.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One task trigger decoded from the {@link Journal}: either a single trigger
 * ({@code POST /api/v1/tasks/{taskId}/trigger}) or one NDJSON item of a batch.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class RecordedTrigger {

	private final String taskId;

	private final @Nullable JsonNode payload;

	private final @Nullable String payloadType;

	private final @Nullable JsonNode options;

	private final @Nullable String batchId;

	private final @Nullable Integer batchIndex;

	private final RecordedRequest request;

	RecordedTrigger(String taskId, @Nullable JsonNode payload, @Nullable String payloadType,
			@Nullable JsonNode options, @Nullable String batchId, @Nullable Integer batchIndex,
			RecordedRequest request) {
		this.taskId = taskId;
		this.payload = payload;
		this.payloadType = payloadType;
		this.options = options;
		this.batchId = batchId;
		this.batchIndex = batchIndex;
		this.request = request;
	}

	/**
	 * The task identifier.
	 * @return the task id
	 */
	public String taskId() {
		return this.taskId;
	}

	/**
	 * The payload as the task would receive it, as plain Java values: a superjson string
	 * ({@code {"json": X}}) is decoded to {@code X}, a {@code text/plain} payload is a
	 * string, a JSON payload is converted as it is.
	 * @return the decoded payload, or {@code null}
	 */
	public @Nullable Object payload() {
		return Json.toJava(Json.decodePayload(this.payload, this.payloadType));
	}

	/**
	 * The decoded payload converted to the given type with Jackson.
	 * @param <T> the target type
	 * @param type the target type
	 * @return the payload
	 */
	public <T> @Nullable T payloadAs(Class<T> type) {
		return Json.MAPPER.treeToValue(Json.decodePayload(this.payload, this.payloadType), type);
	}

	/**
	 * The payload exactly as sent (for superjson a JSON string).
	 * @return the raw payload as plain Java values, or {@code null}
	 */
	public @Nullable Object rawPayload() {
		return Json.toJava(this.payload);
	}

	/**
	 * The {@code options.payloadType}.
	 * @return the payload type, or {@code null} if none was sent
	 */
	public @Nullable String payloadType() {
		return this.payloadType;
	}

	/**
	 * The trigger options as plain Java values.
	 * @return the options, empty if none were sent
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> options() {
		Object value = Json.toJava(this.options);
		return (value instanceof Map<?, ?> map) ? Collections.unmodifiableMap((Map<String, Object>) map)
				: Collections.unmodifiableMap(new LinkedHashMap<>());
	}

	/**
	 * The {@code options.idempotencyKey}.
	 * @return the key, or {@code null}
	 */
	public @Nullable String idempotencyKey() {
		return Json.text(this.options, "idempotencyKey");
	}

	/**
	 * The {@code options.tags}, a single tag becoming a one-element list.
	 * @return the tags
	 */
	public List<String> tags() {
		JsonNode tags = (this.options != null) ? this.options.get("tags") : null;
		List<String> result = new ArrayList<>();
		if (tags != null && tags.isString()) {
			result.add(tags.stringValue());
		}
		else if (tags != null && tags.isArray()) {
			tags.forEach((tag) -> result.add(Json.display(tag)));
		}
		return List.copyOf(result);
	}

	/**
	 * The batch the item belongs to.
	 * @return the batch id, or {@code null} for a single trigger
	 */
	public @Nullable String batchId() {
		return this.batchId;
	}

	/**
	 * The index of the batch item.
	 * @return the index, or {@code null} for a single trigger
	 */
	public @Nullable Integer batchIndex() {
		return this.batchIndex;
	}

	/**
	 * The request the trigger was decoded from.
	 * @return the request
	 */
	public RecordedRequest request() {
		return this.request;
	}

	@Override
	public String toString() {
		return "RecordedTrigger[" + this.taskId + ((this.batchId != null) ? " " + this.batchId + "#" + this.batchIndex : "")
				+ "]";
	}

}
