package io.github.triggerspring.internal.realtime;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * What a subscription asks for: the endpoint, the ids it concerns, its path and its own
 * query parameters, and the per-call options of each request (whose credential, a public
 * access token for example, authorizes every request).
 *
 * @param endpoint the realtime endpoint
 * @param auth the ids of what the subscription concerns
 * @param path the path template
 * @param pathVariable the value of the path's variable, or {@code null}
 * @param query the endpoint's own query parameters
 * @param options the per-call options
 * @author trigger-spring-boot contributors
 */
record ShapeRequest(TriggerEndpoint endpoint, AuthOptions auth, String path, @Nullable Object pathVariable,
		Map<String, String> query, RequestOptions options) {

	/**
	 * One request of the shape: its own parameters merged with the protocol's, all
	 * sorted by name, as the Electric client sends them.
	 */
	TriggerRequest request(Map<String, String> protocol) {
		Map<String, String> sorted = new TreeMap<>(this.query);
		sorted.putAll(protocol);
		return new TriggerRequest(HttpMethod.GET, this.path,
				(this.pathVariable != null) ? List.of(this.pathVariable) : List.of(), sorted, null, null,
				MediaType.APPLICATION_JSON);
	}

}
