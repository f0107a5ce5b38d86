package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One request received by the emulator, as recorded in its {@link Journal}.
 * <p>
 * Credentials are never recorded: the values of the {@code Authorization} header are
 * masked like the client masks secrets, keeping only the {@code Bearer} scheme and a
 * known prefix, for example {@code Bearer tr_dev_…} or
 * {@code Bearer tr_pat_…}. That tells which kind of credential was sent; to tell which
 * credential it was, use {@link #hasCredential(String)}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class RecordedRequest {

	private final long sequence;

	private final Instant receivedAt;

	private final String method;

	private final String path;

	private final Map<String, List<String>> queryParameters;

	private final Map<String, List<String>> headers;

	private final byte @Nullable [] credentialDigest;

	private final byte[] body;

	private final @Nullable String endpointId;

	private volatile int responseStatus;

	private volatile @Nullable String responseBody;

	private volatile boolean clientClosed;

	private volatile long handlingNanos;

	RecordedRequest(long sequence, Instant receivedAt, String method, String path,
			Map<String, List<String>> queryParameters, Map<String, List<String>> headers, byte[] body,
			@Nullable String endpointId) {
		this.sequence = sequence;
		this.receivedAt = receivedAt;
		this.method = method;
		this.path = path;
		this.queryParameters = Collections.unmodifiableMap(queryParameters);
		TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> caseInsensitive.merge(name, List.copyOf(values), (a, b) -> {
			List<String> merged = new ArrayList<>(a);
			merged.addAll(b);
			return List.copyOf(merged);
		}));
		List<String> authorization = caseInsensitive.get("Authorization");
		this.credentialDigest = (authorization != null && !authorization.isEmpty())
				? CredentialMasker.digest(CredentialMasker.credential(authorization.get(0))) : null;
		if (authorization != null) {
			caseInsensitive.put("Authorization",
					authorization.stream().map(CredentialMasker::maskHeaderValue).toList());
		}
		this.headers = Collections.unmodifiableMap(caseInsensitive);
		this.body = body;
		this.endpointId = endpointId;
	}

	void respond(int status, @Nullable String body) {
		this.responseStatus = status;
		this.responseBody = body;
	}

	void handled(long nanos) {
		this.handlingNanos = nanos;
	}

	void markClientClosed() {
		this.clientClosed = true;
	}

	/**
	 * Position of the request in the journal, starting at 1.
	 * @return the sequence number
	 */
	public long sequence() {
		return this.sequence;
	}

	/**
	 * When the request arrived, on the emulator clock.
	 * @return the instant
	 */
	public Instant receivedAt() {
		return this.receivedAt;
	}

	/**
	 * The HTTP method.
	 * @return the method
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The decoded request path, for example {@code /api/v1/tasks/my task/trigger}.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * The decoded query parameters, in request order.
	 * @return the query parameters
	 */
	public Map<String, List<String>> queryParameters() {
		return this.queryParameters;
	}

	/**
	 * First value of a query parameter.
	 * @param name the decoded name, for example {@code filter[status]}
	 * @return the value, if present
	 */
	public Optional<String> queryParameter(String name) {
		List<String> values = this.queryParameters.get(name);
		return (values == null || values.isEmpty()) ? Optional.empty() : Optional.of(values.get(0));
	}

	/**
	 * The request headers, with case-insensitive names; credentials are masked, for
	 * example {@code Authorization: Bearer tr_dev_…}.
	 * @return the headers
	 */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * First value of a header (case-insensitive); credentials are masked, for example
	 * {@code Bearer tr_dev_…}.
	 * @param name the header name
	 * @return the value, if present
	 */
	public Optional<String> header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? Optional.empty() : Optional.of(values.get(0));
	}

	/**
	 * Whether the request was authorized with the given credential: its
	 * {@code Authorization} header was {@code Bearer <credential>}. The journal keeps
	 * only a digest of the credential, so this is how a test tells two credentials of the
	 * same kind apart, for example two {@code tr_dev_} keys.
	 * @param credential the secret key or access token, without the {@code Bearer}
	 * scheme
	 * @return whether it is the credential of the request
	 */
	public boolean hasCredential(@Nullable String credential) {
		return this.credentialDigest != null && credential != null
				&& MessageDigest.isEqual(this.credentialDigest, CredentialMasker.digest(credential.trim()));
	}

	/**
	 * The raw request body; empty when it was over the API's size limit, as such a body
	 * is answered 413 without being read.
	 * @return a copy of the body bytes
	 */
	public byte[] body() {
		return this.body.clone();
	}

	/**
	 * The request body as UTF-8 text.
	 * @return the body
	 */
	public String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * The request body parsed as JSON, converted to plain Java values (maps, lists,
	 * strings, numbers, booleans).
	 * @return the body, or empty if there is none or it is not JSON
	 */
	public Optional<Object> bodyAsJson() {
		return Optional.ofNullable(jsonBody()).map(Json::toJava);
	}

	@Nullable JsonNode jsonBody() {
		if (this.body.length == 0) {
			return null;
		}
		try {
			return Json.parse(this.body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The endpoint the request was routed to, for example {@code runs.list}.
	 * @return the endpoint id, or {@code null} for unknown routes
	 */
	public @Nullable String endpointId() {
		return this.endpointId;
	}

	/**
	 * Whether the request was routed to the given endpoint. Batch phases also match
	 * {@link EmulatorEndpoint#TASK_BATCH_TRIGGER}.
	 * @param endpoint the endpoint
	 * @return whether it matches
	 */
	public boolean isFor(EmulatorEndpoint endpoint) {
		return isFor(endpoint.id());
	}

	/**
	 * Whether the request was routed to the given endpoint id. Batch phases also match
	 * {@code task.batchTrigger}.
	 * @param endpointId the endpoint id
	 * @return whether it matches
	 */
	public boolean isFor(String endpointId) {
		if (this.endpointId == null) {
			return false;
		}
		return this.endpointId.equals(endpointId) || (EmulatorEndpoint.TASK_BATCH_TRIGGER.id().equals(endpointId)
				&& this.endpointId.startsWith(endpointId + "."));
	}

	/**
	 * Status of the response, {@code 0} while it is in progress, when the connection was
	 * dropped or when the client closed it first.
	 * @return the status
	 */
	public int responseStatus() {
		return this.responseStatus;
	}

	/**
	 * Whether the client closed the connection before the response was sent, for
	 * example a realtime subscriber that cancelled while the emulator held its live long
	 * poll. Its {@link #responseStatus()} stays {@code 0}.
	 * @return whether the client closed the connection first
	 */
	public boolean clientClosed() {
		return this.clientClosed;
	}

	/**
	 * How long the emulator took, in real time, to authenticate the call and run its
	 * handler, waiting for the emulator's lock included; reading the request, injected
	 * faults and writing the response are not. A held realtime long poll counts the time
	 * it was held. For benchmarks of the emulator itself.
	 * @return the time, zero when no handler ran (for example a fault answered)
	 */
	public Duration handlingTime() {
		return Duration.ofNanos(this.handlingNanos);
	}

	/**
	 * Body of the response.
	 * @return the body, or {@code null}
	 */
	public @Nullable String responseBody() {
		return this.responseBody;
	}

	@Override
	public String toString() {
		return "#" + this.sequence + " " + this.method + " " + this.path + " -> "
				+ (this.clientClosed ? "client closed" : this.responseStatus);
	}

}
