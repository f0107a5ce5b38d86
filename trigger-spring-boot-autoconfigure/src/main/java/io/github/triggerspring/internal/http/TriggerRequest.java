package io.github.triggerspring.internal.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * One HTTP request to the API, described with a URI template so that observations use
 * the template, not the expanded path.
 *
 * @param method the HTTP method
 * @param pathTemplate the path template, for example {@code /api/v3/runs/{runId}}
 * @param pathVariables values of the template's variables, in order; they are encoded
 * @param query query parameters in order, with unencoded names and values
 * @param body JSON body, or {@code null}; a {@code byte[]} is JSON already written, sent as
 * it is
 * @param bodyStream streamed body (for example NDJSON lines), or {@code null}; it is
 * subscribed once per attempt
 * @param contentType content type of the request
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record TriggerRequest(HttpMethod method, String pathTemplate, List<Object> pathVariables,
		Map<String, String> query, @Nullable Object body, @Nullable Publisher<String> bodyStream,
		MediaType contentType) {

	/**
	 * Copies the collections.
	 * @param method the HTTP method
	 * @param pathTemplate the path template
	 * @param pathVariables the path variables
	 * @param query the query parameters
	 * @param body the JSON body
	 * @param bodyStream the streamed body
	 * @param contentType the content type
	 */
	public TriggerRequest {
		pathVariables = List.copyOf(pathVariables);
		query = query.isEmpty() ? Map.of() : new LinkedHashMap<>(query);
	}

	/**
	 * A {@code GET} request.
	 * @param pathTemplate the path template
	 * @param pathVariables the path variables
	 * @return the request
	 */
	public static TriggerRequest get(String pathTemplate, Object... pathVariables) {
		return of(HttpMethod.GET, pathTemplate, pathVariables);
	}

	/**
	 * A {@code POST} request without a body.
	 * @param pathTemplate the path template
	 * @param pathVariables the path variables
	 * @return the request
	 */
	public static TriggerRequest post(String pathTemplate, Object... pathVariables) {
		return of(HttpMethod.POST, pathTemplate, pathVariables);
	}

	/**
	 * A {@code PUT} request without a body.
	 * @param pathTemplate the path template
	 * @param pathVariables the path variables
	 * @return the request
	 */
	public static TriggerRequest put(String pathTemplate, Object... pathVariables) {
		return of(HttpMethod.PUT, pathTemplate, pathVariables);
	}

	/**
	 * A {@code DELETE} request.
	 * @param pathTemplate the path template
	 * @param pathVariables the path variables
	 * @return the request
	 */
	public static TriggerRequest delete(String pathTemplate, Object... pathVariables) {
		return of(HttpMethod.DELETE, pathTemplate, pathVariables);
	}

	private static TriggerRequest of(HttpMethod method, String pathTemplate, Object... pathVariables) {
		return new TriggerRequest(method, pathTemplate, List.of(pathVariables), Map.of(), null, null,
				MediaType.APPLICATION_JSON);
	}

	/**
	 * This request with a JSON body.
	 * @param body the body, written with the library's wire mapper; a {@code byte[]} is
	 * JSON already written, sent as it is
	 * @return a new request
	 */
	public TriggerRequest withBody(Object body) {
		return new TriggerRequest(this.method, this.pathTemplate, this.pathVariables, this.query, body, null,
				MediaType.APPLICATION_JSON);
	}

	/**
	 * This request with a streamed body.
	 * @param lines the body, subscribed once per attempt
	 * @param contentType the content type
	 * @return a new request
	 */
	public TriggerRequest withBodyStream(Publisher<String> lines, MediaType contentType) {
		return new TriggerRequest(this.method, this.pathTemplate, this.pathVariables, this.query, null, lines,
				contentType);
	}

	/**
	 * This request with the given query parameters added; {@code null} values are skipped.
	 * @param parameters the parameters to add, in order
	 * @return a new request
	 */
	public TriggerRequest withQuery(Map<String, ? extends @Nullable Object> parameters) {
		Map<String, String> merged = new LinkedHashMap<>(this.query);
		parameters.forEach((name, value) -> {
			if (value != null) {
				merged.put(name, value.toString());
			}
		});
		return new TriggerRequest(this.method, this.pathTemplate, this.pathVariables, merged, this.body,
				this.bodyStream, this.contentType);
	}

}
