package io.github.triggerspring.tasks;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TasksClient#trigger(String, Object, TriggerOptions)}.
 *
 * @author trigger-spring-boot contributors
 */
class TasksClientTriggerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** {@code printf order-1234 | sha256sum}. */
	private static final String SHA256_ORDER_1234 = "71983129e5088fcbbb2be5a2e186253aa3ee915c173f42553285baf7100b0059";

	private final MockTriggerApi api = new MockTriggerApi();

	private final TasksClient tasks = new TasksClient(
			this.api.http(MockTriggerApi.secretKey()));

	@AfterEach
	void close() {
		this.api.close();
	}

	@Test
	void triggerSendsAStringPayloadAsPlainTextToTheEncodedTaskPath() {
		this.api.respond(200, "{\"id\":\"run_1\"}", "x-trigger-jwt: header.payload.signature");

		StepVerifier.create(this.tasks.trigger("emails/send", "hello"))
			.expectNext(new TriggerResult("run_1", false, "header.payload.signature"))
			.expectComplete()
			.verify(TIMEOUT);

		RecordedRequest request = this.api.takeRequest();
		assertThat(request.getRequestLine()).isEqualTo("POST /api/v1/tasks/emails%2Fsend/trigger HTTP/1.1");
		assertThat(request.getTarget()).isEqualTo("/api/v1/tasks/emails%2Fsend/trigger");
		assertStandardHeaders(request, "application/json");
		WireAssertions.assertJson(request.getBody().utf8(),
				"{\"payload\":\"hello\",\"options\":{\"payloadType\":\"text/plain\",\"payloadSize\":5}}");
	}

	@Test
	void triggerSendsAnObjectPayloadAsASuperjsonString() {
		this.api.respond(200, "{\"id\":\"run_1\"}");

		StepVerifier.create(this.tasks.trigger("send-email", new Email("ada@example.com", 2)))
			.expectNext(new TriggerResult("run_1", false, null))
			.expectComplete()
			.verify(TIMEOUT);

		RecordedRequest request = this.api.takeRequest();
		assertThat(request.getTarget()).isEqualTo("/api/v1/tasks/send-email/trigger");
		String payload = "{\"json\":{\"to\":\"ada@example.com\",\"priority\":2}}";
		WireAssertions.assertJson(request.getBody().utf8(),
				"{\"payload\":" + WireAssertions.quote(payload)
						+ ",\"options\":{\"payloadType\":\"application/super+json\",\"payloadSize\":" + payload.length()
						+ "}}");
	}

	@Test
	void triggerSendsAnInstantAsASuperjsonDateAtItsJsonPropertyPath() {
		this.api.respond(200, "{\"id\":\"run_1\"}");

		StepVerifier.create(this.tasks.trigger("remind", new Reminder("café €", Instant.parse("2030-01-01T00:00:00Z"))))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);

		String payload = "{\"json\":{\"text\":\"café €\",\"when\":\"2030-01-01T00:00:00.000Z\"},"
				+ "\"meta\":{\"values\":{\"when\":[\"Date\"]}}}";
		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(),
				"{\"payload\":" + WireAssertions.quote(payload)
						+ ",\"options\":{\"payloadType\":\"application/super+json\",\"payloadSize\":"
						+ payload.getBytes(StandardCharsets.UTF_8).length + "}}");
		assertThat(payload.getBytes(StandardCharsets.UTF_8)).hasSize(payload.length() + 3);
	}

	@Test
	void triggerSendsBigIntegersSetsAndNonStringKeyedMapsAsSuperjsonTypes() {
		this.api.respond(200, "{\"id\":\"run_1\"}");
		Map<Object, Object> payload = new LinkedHashMap<>();
		payload.put("total", new BigInteger("123456789012345678901234567890"));
		payload.put("skus", new LinkedHashSet<>(List.of("a-1", "b-2")));
		payload.put("byLine", new LinkedHashMap<>(Map.of(1, Instant.parse("2030-01-01T00:00:00.5Z"))));

		StepVerifier.create(this.tasks.trigger("t", payload)).expectNextCount(1).expectComplete().verify(TIMEOUT);

		String superJson = "{\"json\":{\"total\":\"123456789012345678901234567890\",\"skus\":[\"a-1\",\"b-2\"],"
				+ "\"byLine\":[[1,\"2030-01-01T00:00:00.500Z\"]]},\"meta\":{\"values\":{\"total\":[\"bigint\"],"
				+ "\"skus\":[\"set\"],\"byLine\":[\"map\",{\"0.1\":[\"Date\"]}]}}}";
		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(),
				"{\"payload\":" + WireAssertions.quote(superJson)
						+ ",\"options\":{\"payloadType\":\"application/super+json\",\"payloadSize\":"
						+ superJson.length() + "}}");
	}

	@Test
	void triggerSendsMetadataAsPlainJsonEvenWithInstants() {
		this.api.respond(200, "{\"id\":\"run_1\"}");
		JsonMapper mapper = JsonMapper.builder().build();
		TriggerOptions options = TriggerOptions.builder()
			.metadata(Map.of("at", Instant.parse("2030-01-01T00:00:00Z")))
			.build();

		StepVerifier.create(new TasksClient(httpWith(mapper)).trigger("t", null, options))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(),
				"{\"options\":{\"payloadType\":\"application/json\",\"payloadSize\":0,\"metadata\":"
						+ mapper.writeValueAsString(Map.of("at", Instant.parse("2030-01-01T00:00:00Z"))) + "}}");
	}

	@Test
	void triggerRefusesAnInstantThatAJavaScriptDateCannotHold() {
		assertRefused(this.tasks.trigger("t", Map.of("at", Instant.MAX)), "payload",
				"outside the range of a JavaScript Date");
	}

	@Test
	void triggerReportsThePayloadSizeInUtf8Bytes() {
		this.api.respond(200, "{\"id\":\"run_1\"}");

		StepVerifier.create(this.tasks.trigger("t", "é€")).expectNextCount(1).expectComplete().verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(),
				"{\"payload\":\"é€\",\"options\":{\"payloadType\":\"text/plain\",\"payloadSize\":5}}");
	}

	@Test
	void triggerWithoutPayloadSendsNoPayloadMember() {
		this.api.respond(200, "{\"id\":\"run_1\"}");

		StepVerifier.create(this.tasks.trigger("t", null)).expectNextCount(1).expectComplete().verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(),
				"{\"options\":{\"payloadType\":\"application/json\",\"payloadSize\":0}}");
	}

	@Test
	void triggerSendsEveryOptionAsTheSdkDoes() {
		this.api.respond(200, "{\"id\":\"run_1\"}");
		TriggerOptions options = TriggerOptions.builder()
			.queue("emails")
			.concurrencyKey("user-42")
			.idempotencyKey("order-1234")
			.idempotencyKeyTTL("1h")
			.delay(Instant.parse("2030-01-02T03:04:05Z"))
			.ttl("10m")
			.tags("user:42", "org:7")
			.metadata(Map.of("source", "checkout"))
			.machine(Machine.SMALL_2X)
			.maxAttempts(3)
			.maxDuration(Duration.ofMinutes(5))
			.priority(Duration.ofSeconds(30))
			.region("eu-central-1")
			.version("20250101.1")
			.build();

		StepVerifier.create(this.tasks.trigger("t", "x", options)).expectNextCount(1).expectComplete().verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(), """
				{"payload": "x", "options": {
				  "queue": {"name": "emails"},
				  "concurrencyKey": "user-42",
				  "payloadType": "text/plain",
				  "payloadSize": 1,
				  "idempotencyKey": "%s",
				  "idempotencyKeyTTL": "1h",
				  "idempotencyKeyOptions": {"key": "order-1234", "scope": "run"},
				  "delay": "2030-01-02T03:04:05.000Z",
				  "ttl": "10m",
				  "tags": ["user:42", "org:7"],
				  "metadata": {"source": "checkout"},
				  "machine": "small-2x",
				  "maxAttempts": 3,
				  "maxDuration": 300,
				  "priority": 30,
				  "region": "eu-central-1",
				  "lockToVersion": "20250101.1"
				}}""".formatted(SHA256_ORDER_1234));
	}

	@Test
	void triggerSendsADurationTtlInSecondsAndADelayDurationAsText() {
		this.api.respond(200, "{\"id\":\"run_1\"}");
		TriggerOptions options = TriggerOptions.builder().ttl(Duration.ofHours(1)).delay("1h").build();

		StepVerifier.create(this.tasks.trigger("t", null, options)).expectNextCount(1).expectComplete().verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(),
				"{\"options\":{\"payloadType\":\"application/json\",\"payloadSize\":0,\"delay\":\"1h\",\"ttl\":3600}}");
	}

	@Test
	void triggerHashesAListKeyLikeTheSameKeyJoinedWithDashes() {
		this.api.respond(200, "{\"id\":\"run_1\"}");
		TriggerOptions options = TriggerOptions.builder().idempotencyKey(List.of("order", "1234")).build();

		StepVerifier.create(this.tasks.trigger("t", null, options)).expectNextCount(1).expectComplete().verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(), """
				{"options": {"payloadType": "application/json", "payloadSize": 0, "idempotencyKey": "%s",
				  "idempotencyKeyOptions": {"key": "order-1234", "scope": "run"}}}""".formatted(SHA256_ORDER_1234));
	}

	@Test
	void triggerSendsA64CharacterKeyUnchangedAndWithoutKeyOptions() {
		this.api.respond(200, "{\"id\":\"run_1\"}");
		TriggerOptions options = TriggerOptions.builder().idempotencyKey(SHA256_ORDER_1234).build();

		StepVerifier.create(this.tasks.trigger("t", null, options)).expectNextCount(1).expectComplete().verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(), """
				{"options": {"payloadType": "application/json", "payloadSize": 0, "idempotencyKey": "%s"}}"""
			.formatted(SHA256_ORDER_1234));
	}

	@ParameterizedTest
	@EnumSource(IdempotencyKeyScope.class)
	void triggerSendsTheIdempotencyKeyScopeWithTheSameHashForEveryScope(IdempotencyKeyScope scope) {
		this.api.respond(200, "{\"id\":\"run_1\"}");
		TriggerOptions options = TriggerOptions.builder().idempotencyKey("order-1234", scope).build();

		StepVerifier.create(this.tasks.trigger("t", null, options)).expectNextCount(1).expectComplete().verify(TIMEOUT);

		assertThat(options.idempotencyKeyScope()).isEqualTo(scope);
		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(), """
				{"options": {"payloadType": "application/json", "payloadSize": 0, "idempotencyKey": "%s",
				  "idempotencyKeyOptions": {"key": "order-1234", "scope": "%s"}}}"""
			.formatted(SHA256_ORDER_1234, scope.wireValue()));
	}

	@Test
	void triggerSendsAGlobalListKeyHashedLikeTheJoinedKey() {
		this.api.respond(200, "{\"id\":\"run_1\"}");
		TriggerOptions options = TriggerOptions.builder()
			.idempotencyKey(List.of("order", "1234"), IdempotencyKeyScope.GLOBAL)
			.build();

		StepVerifier.create(this.tasks.trigger("t", null, options)).expectNextCount(1).expectComplete().verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(), """
				{"options": {"payloadType": "application/json", "payloadSize": 0, "idempotencyKey": "%s",
				  "idempotencyKeyOptions": {"key": "order-1234", "scope": "global"}}}""".formatted(SHA256_ORDER_1234));
	}

	@Test
	void triggerHashesA64CharacterKeyGivenWithAScopeAsIdempotencyKeysCreateDoes() {
		this.api.respond(200, "{\"id\":\"run_1\"}");
		TriggerOptions options = TriggerOptions.builder()
			.idempotencyKey(SHA256_ORDER_1234, IdempotencyKeyScope.GLOBAL)
			.build();

		StepVerifier.create(this.tasks.trigger("t", null, options)).expectNextCount(1).expectComplete().verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(), """
				{"options": {"payloadType": "application/json", "payloadSize": 0, "idempotencyKey": "%s",
				  "idempotencyKeyOptions": {"key": "%s", "scope": "global"}}}"""
			.formatted(IdempotencyKeys.sha256Hex(SHA256_ORDER_1234), SHA256_ORDER_1234));
	}

	@Test
	void triggerOptionsWithoutKeyHaveNoScopeAndAPlainKeyHasRunScope() {
		assertThat(TriggerOptions.none().idempotencyKeyScope()).isNull();
		assertThat(TriggerOptions.builder().idempotencyKey("k").build().idempotencyKeyScope())
			.isEqualTo(IdempotencyKeyScope.RUN);
	}

	@Test
	void triggerReportsACachedRunWithoutToken() {
		this.api.respond(200, "{\"id\":\"run_existing\",\"isCached\":true,\"extra\":1}");

		StepVerifier.create(this.tasks.trigger("t", "x"))
			.expectNext(new TriggerResult("run_existing", true, null))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void triggerSignalsAnUnexpectedResponseWithoutId() {
		this.api.respond(200, "{\"isCached\":false}");

		StepVerifier.create(this.tasks.trigger("t", "x"))
			.expectErrorMessage("The response has no 'id', but one was expected.")
			.verify(TIMEOUT);
	}

	@Test
	void triggerResultToStringHidesTheToken() {
		assertThat(new TriggerResult("run_1", false, "secret.jwt.value")).hasToString(
				"TriggerResult[id=run_1, isCached=false, publicAccessToken=<redacted>]");
	}

	@Test
	void triggerWithOnlyAPersonalAccessTokenIsRefusedWithoutRequest() {
		TasksClient patOnly = new TasksClient(
				this.api.http(MockTriggerApi.pat(TriggerEnvironment.DEV)));

		StepVerifier.create(patOnly.trigger("t", "x"))
			.expectError(UnsupportedCredentialException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void triggerWritesPayloadsWithTheApplicationsJsonMapper() {
		this.api.respond(200, "{\"id\":\"run_1\"}");
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		TasksClient client = new TasksClient(httpWith(snakeCase));
		TriggerOptions options = TriggerOptions.builder().idempotencyKeyTTL("1d").build();

		StepVerifier.create(client.trigger("t", new Order("o-1", 3), options))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);

		String payload = "{\"json\":{\"order_id\":\"o-1\",\"line_count\":3}}";
		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(),
				"{\"payload\":" + WireAssertions.quote(payload)
						+ ",\"options\":{\"payloadType\":\"application/super+json\",\"payloadSize\":" + payload.length()
						+ ",\"idempotencyKeyTTL\":\"1d\"}}");
	}

	@Test
	void triggerRefusesABlankTaskId() {
		assertRefused(this.tasks.trigger(" ", "x"), "taskId", "must not be blank");
	}

	@Test
	void triggerRefusesMoreThanTenTags() {
		TriggerOptions options = TriggerOptions.builder()
			.tags("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")
			.build();

		assertRefused(this.tasks.trigger("t", "x", options), "options.tags",
				"has 11 tags, but a run may have at most 10");
	}

	@Test
	void triggerRefusesATagOver128Characters() {
		TriggerOptions options = TriggerOptions.builder().tags("ok", "t".repeat(129)).build();

		assertRefused(this.tasks.trigger("t", "x", options), "options.tags",
				"contains a tag of 129 characters, but a tag may have at most 128");
	}

	@Test
	void triggerAcceptsATagOf128Characters() {
		this.api.respond(200, "{\"id\":\"run_1\"}");
		TriggerOptions options = TriggerOptions.builder().tags("t".repeat(128)).build();

		StepVerifier.create(this.tasks.trigger("t", null, options)).expectNextCount(1).expectComplete().verify(TIMEOUT);
	}

	@Test
	void triggerRefusesAnIdempotencyKeyTtlThatTheServerWouldIgnore() {
		TriggerOptions options = TriggerOptions.builder().idempotencyKey("k").idempotencyKeyTTL("1h30m").build();

		assertRefused(this.tasks.trigger("t", "x", options), "options.idempotencyKeyTTL",
				"must be a number followed by s, m, h or d", "but was '1h30m'", "silently ignored",
				"fall back to its default of 30 days");
	}

	@Test
	void triggerRefusesAnIdempotencyKeyOver2048Characters() {
		TriggerOptions options = TriggerOptions.builder().idempotencyKey("k".repeat(2049)).build();

		assertRefused(this.tasks.trigger("t", "x", options), "options.idempotencyKey",
				"must be at most 2048 characters, but was 2049");
	}

	@Test
	void triggerRefusesAnEmptyIdempotencyKeyPart() {
		TriggerOptions options = TriggerOptions.builder().idempotencyKey(List.of("order", "")).build();

		assertRefused(this.tasks.trigger("t", "x", options), "options.idempotencyKey",
				"must not be empty and must not contain null or empty parts");
	}

	@Test
	void triggerRefusesANegativeDuration() {
		TriggerOptions options = TriggerOptions.builder().maxDuration(Duration.ofSeconds(-1)).build();

		assertRefused(this.tasks.trigger("t", "x", options), "options.maxDuration", "must not be negative");
	}

	@Test
	void triggerRefusesAPayloadTheMapperCannotWrite() {
		assertRefused(this.tasks.trigger("t", new Unwritable()), "payload",
				"could not be written as JSON by the application's JsonMapper", "not today",
				"Pass a value the mapper can serialize, or a String.");
	}

	private void assertRefused(Mono<?> call, String field, String... messageParts) {
		StepVerifier.create(call).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(TriggerValidationException.class);
			assertThat(((TriggerValidationException) error).getField()).isEqualTo(field);
			assertThat(error.getMessage()).startsWith("Invalid '" + field + "': ").contains(messageParts);
		}).verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	private TriggerHttpClient httpWith(JsonMapper mapper) {
		return this.api.http(MockTriggerApi.secretKey(), mapper,
				MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, TIMEOUT));
	}

	static void assertStandardHeaders(RecordedRequest request, String contentType) {
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo(contentType);
		assertThat(request.getHeaders().get("x-trigger-api-version")).isEqualTo("2025-07-16");
		assertThat(request.getHeaders().get("x-trigger-realtime-streams-version")).isEqualTo("v2");
		assertThat(request.getHeaders().get("x-trigger-request-idempotency-key"))
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(request.getHeaders().get("x-trigger-branch")).isNull();
	}

	record Email(String to, int priority) {
	}

	record Order(String orderId, int lineCount) {
	}

	record Reminder(String text, @JsonProperty("when") Instant at) {
	}

	static class Unwritable {

		public String getValue() {
			throw new IllegalStateException("not today");
		}

	}

}
