package io.github.triggerspring.waitpoints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire-level tests for {@link WaitpointsClient}.
 *
 * @author trigger-spring-boot contributors
 */
class WaitpointsClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	/** A token as {@code GET /api/v1/waitpoints/tokens/{id}} returns it, with members this client does not model. */
	private static final String TOKEN = """
			{
			  "id": "waitpoint_1234",
			  "url": "https://api.trigger.dev/api/v1/waitpoints/tokens/waitpoint_1234/callback/abc",
			  "status": "COMPLETED",
			  "completedAt": "2026-03-01T12:05:00.000Z",
			  "timeoutAt": "2026-03-02T12:00:00.000Z",
			  "completedAfter": "2026-03-02T12:00:00.000Z",
			  "idempotencyKey": "approve-order-42",
			  "idempotencyKeyExpiresAt": "2026-03-31T12:00:00.000Z",
			  "tags": ["order:42", "user:7"],
			  "createdAt": "2026-03-01T12:00:00.000Z"%s
			}""";

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private WaitpointsClient waitpoints() {
		return waitpoints(JsonMapper.builder().build());
	}

	/** The client against the mock API, on a clock fixed at {@link #NOW}, with the given application mapper. */
	private WaitpointsClient waitpoints(JsonMapper applicationMapper) {
		return new WaitpointsClient(TriggerHttpClient
			.builder(WebClient.builder().baseUrl(this.api.baseUrl()).build(),
					new DefaultTriggerAuthStrategy(MockTriggerApi.secretKey()), applicationMapper)
			.settings(MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, TIMEOUT))
			.clock(Clock.fixed(NOW, ZoneOffset.UTC))
			.random(() -> 0L)
			.build());
	}

	private static String token(String extra) {
		return TOKEN.formatted(extra);
	}

	private static void assertJson(String actual, String expected) {
		assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
	}

	@Test
	void createTokenSendsEveryOptionAndReadsTheTokenAndTheHeadersPublicAccessToken() {
		this.api.respond(200, "{\"id\":\"waitpoint_1234\",\"isCached\":false,\"url\":\"https://h/cb\",\"extra\":1}",
				"x-trigger-jwt: eyJ.token.sig");
		CreateTokenOptions options = CreateTokenOptions.builder()
			.idempotencyKey("approve-order-42")
			.idempotencyKeyTTL("1d")
			.timeout("1h30m")
			.tags("order:42", "user:7")
			.build();
		StepVerifier.create(waitpoints().createToken(options)).assertNext((created) -> {
			assertThat(created.id()).isEqualTo("waitpoint_1234");
			assertThat(created.isCached()).isFalse();
			assertThat(created.url()).isEqualTo("https://h/cb");
			assertThat(created.publicAccessToken()).isEqualTo("eyJ.token.sig");
			assertThat(created.toString()).doesNotContain("eyJ").doesNotContain("https://h/cb");
		}).expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getTarget()).isEqualTo("/api/v1/waitpoints/tokens");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(recorded.getHeaders().get("x-trigger-api-version")).isEqualTo("2025-07-16");
		assertJson(recorded.getBody().utf8(), """
				{"idempotencyKey":"approve-order-42","idempotencyKeyTTL":"1d","timeout":"1h30m",
				"tags":["order:42","user:7"]}""");
	}

	@Test
	void createTokenSendsTheIdempotencyKeyRawNotHashed() {
		this.api.respond(200, "{\"id\":\"waitpoint_1\",\"isCached\":true,\"url\":\"u\"}");
		StepVerifier.create(waitpoints().createToken(CreateTokenOptions.builder().idempotencyKey("k").build()))
			.assertNext((created) -> {
				assertThat(created.isCached()).isTrue();
				assertThat(created.publicAccessToken()).isNull();
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertJson(this.api.takeRequest().getBody().utf8(), "{\"idempotencyKey\":\"k\"}");
	}

	@Test
	void createTokenWithoutOptionsSendsAnEmptyObject() {
		this.api.respond(200, "{\"id\":\"waitpoint_1\",\"isCached\":false,\"url\":\"u\"}");
		StepVerifier.create(waitpoints().createToken()).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.api.takeRequest().getBody().utf8()).isEqualTo("{}");
	}

	@Test
	void timeoutAsDurationIsSentInWholeSecondsRoundedUpAndAsInstantWithMilliseconds() {
		this.api.respond(200, "{\"id\":\"waitpoint_1\",\"isCached\":false,\"url\":\"u\"}")
			.respond(200, "{\"id\":\"waitpoint_2\",\"isCached\":false,\"url\":\"u\"}")
			.respond(200, "{\"id\":\"waitpoint_3\",\"isCached\":false,\"url\":\"u\"}");
		WaitpointsClient waitpoints = waitpoints();
		StepVerifier.create(waitpoints.createToken(CreateTokenOptions.builder()
			.timeout(Duration.ofMinutes(90).plusMillis(1))
			.build())).expectNextCount(1).expectComplete().verify(TIMEOUT);
		StepVerifier.create(waitpoints.createToken(CreateTokenOptions.builder()
			.timeout("1m")
			.timeout(NOW.plusSeconds(3600))
			.build())).expectNextCount(1).expectComplete().verify(TIMEOUT);
		StepVerifier.create(waitpoints.createToken(CreateTokenOptions.builder()
			.timeout("2026-03-02T00:00:00Z")
			.build())).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertJson(this.api.takeRequest().getBody().utf8(), "{\"timeout\":\"5401s\"}");
		assertJson(this.api.takeRequest().getBody().utf8(), "{\"timeout\":\"2026-03-01T13:00:00.000Z\"}");
		assertJson(this.api.takeRequest().getBody().utf8(), "{\"timeout\":\"2026-03-02T00:00:00.000Z\"}");
	}

	@Test
	void timeoutAsDateTimeWithAnOffsetIsSentInUtcWithMillisecondsAsTheSdkSendsADate() {
		List<String> offsets = List.of("2026-12-01T10:00:00+02:00", "2026-12-01T10:00:00.000+0200",
				"2026-12-01T10:00+02", "2026-12-01T08:00:00Z", "2026-12-01T03:30:00-04:30");
		offsets.forEach((timeout) -> this.api.respond(200, "{\"id\":\"waitpoint_1\",\"isCached\":false,\"url\":\"u\"}"));
		for (String timeout : offsets) {
			StepVerifier.create(waitpoints().createToken(CreateTokenOptions.builder().timeout(timeout).build()))
				.expectNextCount(1)
				.expectComplete()
				.verify(TIMEOUT);
		}
		for (String timeout : offsets) {
			assertThat(this.api.takeRequest().getBody().utf8()).as(timeout)
				.isEqualTo("{\"timeout\":\"2026-12-01T08:00:00.000Z\"}");
		}
		for (String timeout : List.of("2026-12-01T10:00:00", "2026-03-01T13:59:59+02:00")) {
			StepVerifier.create(waitpoints().createToken(CreateTokenOptions.builder().timeout(timeout).build()))
				.expectErrorSatisfies((error) -> assertThat(error).as(timeout)
					.isInstanceOfSatisfying(TriggerValidationException.class,
							(refused) -> assertThat(refused.getField()).isEqualTo("options.timeout")))
				.verify(TIMEOUT);
		}
		assertThat(this.api.requestCount()).isEqualTo(offsets.size());
	}

	@Test
	void timeoutAsADateIsSentAsMidnightUtcAsTheServersNewDateReadsIt() {
		this.api.respond(200, "{\"id\":\"waitpoint_1\",\"isCached\":false,\"url\":\"u\"}");
		StepVerifier.create(waitpoints().createToken(CreateTokenOptions.builder().timeout("2026-12-01").build()))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest request = this.api.takeRequest();
		assertThat(request.getRequestLine()).isEqualTo("POST /api/v1/waitpoints/tokens HTTP/1.1");
		assertThat(request.getBody().utf8()).isEqualTo("{\"timeout\":\"2026-12-01T00:00:00.000Z\"}");
		for (String timeout : List.of("2026-02-30", "2026-13-01", "2026-12-1", "20261201", "2026-12-01Z",
				"2026-03-01")) {
			StepVerifier.create(waitpoints().createToken(CreateTokenOptions.builder().timeout(timeout).build()))
				.expectErrorSatisfies((error) -> assertThat(error).as(timeout)
					.isInstanceOfSatisfying(TriggerValidationException.class,
							(refused) -> assertThat(refused.getField()).isEqualTo("options.timeout")))
				.verify(TIMEOUT);
		}
		assertThat(this.api.requestCount()).isOne();
	}

	@Test
	void badCreateOptionsAreRefusedBeforeTheWire() {
		Map<CreateTokenOptions, String> refused = Map.of(
				CreateTokenOptions.builder().idempotencyKey(" ").build(), "options.idempotencyKey",
				CreateTokenOptions.builder().idempotencyKey("k".repeat(2049)).build(), "options.idempotencyKey",
				CreateTokenOptions.builder().idempotencyKeyTTL("1h30m").build(), "options.idempotencyKeyTTL",
				CreateTokenOptions.builder().timeout("soon").build(), "options.timeout",
				CreateTokenOptions.builder().timeout(Duration.ZERO).build(), "options.timeout",
				CreateTokenOptions.builder().timeout(NOW).build(), "options.timeout",
				CreateTokenOptions.builder().timeout("2020-01-01T00:00:00Z").build(), "options.timeout",
				CreateTokenOptions.builder().tags("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k").build(),
				"options.tags",
				CreateTokenOptions.builder().tags("x".repeat(129)).build(), "options.tags",
				CreateTokenOptions.builder().tags("ok", "").build(), "options.tags");
		refused.forEach((options, field) -> StepVerifier.create(waitpoints().createToken(options))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerValidationException.class);
				assertThat(((TriggerValidationException) error).getField()).isEqualTo(field);
			})
			.verify(TIMEOUT));
		StepVerifier.create(waitpoints().createToken(null))
			.expectError(TriggerValidationException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void validationMessagesNameTheRuleAndTheFix() {
		StepVerifier
			.create(waitpoints().createToken(CreateTokenOptions.builder()
				.tags("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")
				.build()))
			.expectErrorMessage("Invalid 'options.tags': has 11 tags, but a waitpoint token may have at most 10. "
					+ "Drop some tags, or combine them, for example 'user:1234'.")
			.verify(TIMEOUT);
		StepVerifier.create(waitpoints().createToken(CreateTokenOptions.builder().timeout(NOW.minusSeconds(1)).build()))
			.expectErrorMessage("Invalid 'options.timeout': is 2026-03-01T11:59:59.000Z, which is not in the future: "
					+ "the server would ignore it and the token would never time out. Pass a later instant.")
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void listTokensSendsEveryFilterInTheSdksOrderAndDecodesThePage() {
		this.api.respond(200, "{\"data\":[" + token("") + "],\"pagination\":{\"next\":\"waitpoint_1234\"}}");
		ListWaitpointTokensRequest request = ListWaitpointTokensRequest.builder()
			.pageSize(10)
			.to(Instant.parse("2026-01-02T00:00:00Z"))
			.from(Instant.parse("2026-01-01T00:00:00.123Z"))
			.period("7d")
			.tags("order:42", "user:7")
			.idempotencyKey("approve-order-42")
			.status(WaitpointTokenStatus.WAITING, WaitpointTokenStatus.TIMED_OUT)
			.after("waitpoint_9")
			.build();
		StepVerifier.create(waitpoints().listTokensPage(request)).assertNext((page) -> {
			assertThat(page.next()).isEqualTo("waitpoint_1234");
			assertThat(page.previous()).isNull();
			WaitpointToken token = page.data().get(0);
			assertThat(token.id()).isEqualTo("waitpoint_1234");
			assertThat(token.url()).endsWith("/callback/abc");
			assertThat(token.status()).isEqualTo(WaitpointTokenStatus.COMPLETED);
			assertThat(token.completedAt()).isEqualTo(Instant.parse("2026-03-01T12:05:00Z"));
			assertThat(token.timeoutAt()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
			assertThat(token.idempotencyKey()).isEqualTo("approve-order-42");
			assertThat(token.idempotencyKeyExpiresAt()).isEqualTo(Instant.parse("2026-03-31T12:00:00Z"));
			assertThat(token.tags()).containsExactly("order:42", "user:7");
			assertThat(token.createdAt()).isEqualTo(NOW);
		}).expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		HttpUrl url = recorded.getUrl();
		assertThat(recorded.getMethod()).isEqualTo("GET");
		assertThat(url.encodedPath()).isEqualTo("/api/v1/waitpoints/tokens");
		assertThat(url.queryParameterNames()).containsExactly("filter[status]", "filter[idempotencyKey]",
				"filter[tags]", "filter[createdAt][period]", "filter[createdAt][from]", "filter[createdAt][to]",
				"page[size]", "page[after]");
		assertThat(url.queryParameter("filter[status]")).isEqualTo("WAITING,TIMED_OUT");
		assertThat(url.queryParameter("filter[idempotencyKey]")).isEqualTo("approve-order-42");
		assertThat(url.queryParameter("filter[tags]")).isEqualTo("order:42,user:7");
		assertThat(url.queryParameter("filter[createdAt][period]")).isEqualTo("7d");
		assertThat(url.queryParameter("filter[createdAt][from]")).isEqualTo("1767225600123");
		assertThat(url.queryParameter("filter[createdAt][to]")).isEqualTo("1767312000000");
		assertThat(url.queryParameter("page[size]")).isEqualTo("10");
		assertThat(url.queryParameter("page[after]")).isEqualTo("waitpoint_9");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
	}

	@Test
	void listTokensFollowsTheNextCursorOnDemandAndBeforeReplacesAfter() {
		this.api.respond(200, "{\"data\":[" + token("") + "],\"pagination\":{\"next\":\"waitpoint_1234\"}}")
			.respond(200, "{\"data\":[" + token("").replace("waitpoint_1234", "waitpoint_0") + "],\"pagination\":"
					+ "{\"previous\":\"waitpoint_0\"}}");
		ListWaitpointTokensRequest request = ListWaitpointTokensRequest.builder().pageSize(1).build();
		StepVerifier.create(waitpoints().listTokens(request).map(WaitpointToken::id))
			.expectNext("waitpoint_1234", "waitpoint_0")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v1/waitpoints/tokens?page%5Bsize%5D=1");
		assertThat(this.api.takeRequest().getTarget())
			.isEqualTo("/api/v1/waitpoints/tokens?page%5Bsize%5D=1&page%5Bafter%5D=waitpoint_1234");
		assertThat(request.after("a").before("b").query()).containsEntry("page[after]", null)
			.containsEntry("page[before]", "b");
	}

	@Test
	void listTokensWithoutFiltersSendsNoQueryAndAPageSizeOutOfRangeIsRefused() {
		this.api.respond(200, "{\"data\":[],\"pagination\":{}}");
		StepVerifier.create(waitpoints().listTokens()).expectComplete().verify(TIMEOUT);
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v1/waitpoints/tokens");
		for (int size : new int[] { 0, 101 }) {
			StepVerifier.create(waitpoints().listTokens(ListWaitpointTokensRequest.builder().pageSize(size).build()))
				.expectErrorSatisfies((error) -> assertThat(((TriggerValidationException) error).getField())
					.isEqualTo("pageSize"))
				.verify(TIMEOUT);
		}
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void retrieveTokenDecodesASuperJsonOutputAndIgnoresUnknownMembers() {
		this.api.respond(200, token(",\"output\":\"{\\\"json\\\":{\\\"approved\\\":true,\\\"at\\\":\\\"2026-03-01T12:05:00.000Z\\\"},"
				+ "\\\"meta\\\":{\\\"values\\\":{\\\"at\\\":[\\\"Date\\\"]}}}\",\"outputType\":\"application/super+json\","
				+ "\"outputIsError\":false,\"someFutureField\":[1]"));
		StepVerifier.create(waitpoints().retrieveToken("waitpoint_1234")).assertNext((token) -> {
			assertThat(token.id()).isEqualTo("waitpoint_1234");
			assertThat(token.status()).isEqualTo(WaitpointTokenStatus.COMPLETED);
			assertThat(token.tags()).containsExactly("order:42", "user:7");
			assertThat(token.output()).isEqualTo(JSON.readTree("{\"approved\":true,\"at\":\"2026-03-01T12:05:00.000Z\"}"));
			assertThat(token.error()).isNull();
			assertThat(token.isTimedOut()).isFalse();
		}).expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("GET");
		assertThat(recorded.getTarget()).isEqualTo("/api/v1/waitpoints/tokens/waitpoint_1234");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
	}

	@Test
	void retrieveTokenDecodesJsonTextAndMissingOutputs() {
		this.api.respond(200, token(",\"output\":\"[1,2]\",\"outputType\":\"application/json\""))
			.respond(200, token(",\"output\":\"plain words\",\"outputType\":\"text/plain\""))
			.respond(200, token(",\"output\":\"{\\\"a\\\":1}\""))
			.respond(200, token("").replace("\"COMPLETED\"", "\"WAITING\""));
		WaitpointsClient waitpoints = waitpoints();
		StepVerifier.create(waitpoints.retrieveToken("waitpoint_1234").map(RetrievedWaitpointToken::output))
			.expectNext(JSON.readTree("[1,2]"))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(waitpoints.retrieveToken("waitpoint_1234").map((token) -> token.output().asString()))
			.expectNext("plain words")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(waitpoints.retrieveToken("waitpoint_1234").map(RetrievedWaitpointToken::output))
			.expectNext(JSON.readTree("{\"a\":1}"))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(waitpoints.retrieveToken("waitpoint_1234")).assertNext((token) -> {
			assertThat(token.status()).isEqualTo(WaitpointTokenStatus.WAITING);
			assertThat(token.output()).isNull();
			assertThat(token.error()).isNull();
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void retrieveTokenSurfacesATimeoutAsItsErrorNotAsAFailedCall() {
		this.api.respond(200, token(",\"output\":\"{\\\"code\\\":\\\"TRIGGER_WAITPOINT_TIMEOUT\\\",\\\"message\\\":"
				+ "\\\"Waitpoint timed out at 2026-03-02T12:00:00.000Z\\\"}\",\"outputType\":\"application/json\","
				+ "\"outputIsError\":true").replace("\"COMPLETED\"", "\"TIMED_OUT\""));
		StepVerifier.create(waitpoints().retrieveToken("waitpoint_1234")).assertNext((token) -> {
			assertThat(token.status()).isEqualTo(WaitpointTokenStatus.TIMED_OUT);
			assertThat(token.isTimedOut()).isTrue();
			assertThat(token.output()).isNull();
			assertThat(token.error()).isEqualTo(new WaitpointTimeout("Waitpoint timed out at 2026-03-02T12:00:00.000Z",
					"TRIGGER_WAITPOINT_TIMEOUT"));
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void retrieveTokenDownloadsAnOutputKeptInObjectStorageKeepingTheSlashesOfItsPath() {
		String presigned = this.api.baseUrl() + "/object-store/out.json?X-Amz-Signature=abc";
		this.api.respond(200, token(",\"output\":\"waitpoint_1234/waitpoint/token.json\","
				+ "\"outputType\":\"application/store\""))
			.respond(200, "{\"presignedUrl\":\"" + presigned + "\"}")
			.respond(new MockResponse.Builder().code(200)
				.addHeader("Content-Type", "application/super+json")
				.body("{\"json\":{\"big\":\"output\"}}")
				.build());
		StepVerifier.create(waitpoints().retrieveToken("waitpoint_1234").map(RetrievedWaitpointToken::output))
			.expectNext(JSON.readTree("{\"big\":\"output\"}"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v1/waitpoints/tokens/waitpoint_1234");
		RecordedRequest packet = this.api.takeRequest();
		assertThat(packet.getMethod()).isEqualTo("GET");
		assertThat(packet.getTarget()).isEqualTo("/api/v1/packets/waitpoint_1234/waitpoint/token.json");
		assertThat(packet.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		RecordedRequest download = this.api.takeRequest();
		assertThat(download.getTarget()).isEqualTo("/object-store/out.json?X-Amz-Signature=abc");
		assertThat(download.getHeaders().get("Authorization")).isNull();
		assertThat(download.getHeaders().get("x-trigger-api-version")).isNull();
	}

	@Test
	void aBrokenOutputOrAPacketAnswerWithoutUrlIsAnUnexpectedResponse() {
		WaitpointsClient waitpoints = new WaitpointsClient(
				this.api.http(MockTriggerApi.secretKey(), TriggerRetryPolicy.none(), TIMEOUT));
		this.api.respond(200, token(",\"output\":\"{not json\",\"outputType\":\"application/json\""));
		StepVerifier.create(waitpoints.retrieveToken("waitpoint_1234"))
			.expectError(TriggerUnexpectedResponseException.class)
			.verify(TIMEOUT);
		this.api.respond(200, token(",\"output\":\"p.json\",\"outputType\":\"application/store\""))
			.respond(200, "{}");
		StepVerifier.create(waitpoints.retrieveToken("waitpoint_1234"))
			.expectErrorMessage("The packet response has no 'presignedUrl', but one was expected.")
			.verify(TIMEOUT);
	}

	@Test
	void completeTokenWritesTheDataWithTheApplicationsMapper() {
		this.api.respond(200, "{\"success\":true}");
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		StepVerifier.create(waitpoints(snakeCase).completeToken("waitpoint_1234", new Approval("ada", true)))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getTarget()).isEqualTo("/api/v1/waitpoints/tokens/waitpoint_1234/complete");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		assertJson(recorded.getBody().utf8(), "{\"data\":{\"approved_by\":\"ada\",\"is_approved\":true}}");
	}

	@Test
	void completeTokenWithoutDataSendsAnEmptyObjectAndAnUnknownTokenIsNotFound() {
		this.api.respond(200, "{\"success\":true}").respond(404, "{\"error\":\"Waitpoint not found\"}");
		WaitpointsClient waitpoints = waitpoints();
		StepVerifier.create(waitpoints.completeToken("waitpoint_1234", null)).expectComplete().verify(TIMEOUT);
		assertThat(this.api.takeRequest().getBody().utf8()).isEqualTo("{}");
		StepVerifier.create(waitpoints.completeToken("waitpoint_nope", List.of("x")))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(TriggerNotFoundException.class);
				assertThat(error.getMessage()).contains("Waitpoint not found");
			})
			.verify(TIMEOUT);
		assertJson(this.api.takeRequest().getBody().utf8(), "{\"data\":[\"x\"]}");
	}

	@Test
	void blankTokenIdsAreRefusedBeforeTheWire() {
		WaitpointsClient waitpoints = waitpoints();
		List<Mono<?>> calls = List.of(waitpoints.retrieveToken(" "), waitpoints.completeToken("", "x"));
		for (Mono<?> call : calls) {
			StepVerifier.create(call)
				.expectErrorSatisfies((error) -> assertThat(((TriggerValidationException) error).getField())
					.isEqualTo("tokenId"))
				.verify(TIMEOUT);
		}
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void everyWaitpointEndpointIsRefusedWithOnlyAnAccessTokenBeforeTheWire() {
		WaitpointsClient waitpoints = new WaitpointsClient(this.api.http(MockTriggerApi.pat(TriggerEnvironment.DEV)));
		Map<TriggerEndpoint, Mono<?>> calls = Map.of(TriggerEndpoint.WAIT_CREATE_TOKEN, waitpoints.createToken(),
				TriggerEndpoint.WAIT_LIST_TOKENS, waitpoints.listTokens().collectList(),
				TriggerEndpoint.WAIT_RETRIEVE_TOKEN, waitpoints.retrieveToken("waitpoint_1"),
				TriggerEndpoint.WAIT_COMPLETE_TOKEN, waitpoints.completeToken("waitpoint_1", "x"));
		calls.forEach((endpoint, call) -> StepVerifier.create(call)
			.expectErrorSatisfies((error) -> assertThat(((UnsupportedCredentialException) error).getEndpoint())
				.isEqualTo(endpoint))
			.verify(TIMEOUT));
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void badInputNeverThrowsOnTheCallersThread() {
		WaitpointsClient waitpoints = waitpoints();
		Mono<CreatedWaitpointToken> create = waitpoints.createToken(CreateTokenOptions.builder().timeout("x").build());
		Mono<RetrievedWaitpointToken> retrieve = waitpoints.retrieveToken(null);
		Mono<Void> complete = waitpoints.completeToken(null, null);
		StepVerifier.create(create).expectError(TriggerValidationException.class).verify(TIMEOUT);
		StepVerifier.create(retrieve).expectError(TriggerValidationException.class).verify(TIMEOUT);
		StepVerifier.create(complete).expectError(TriggerValidationException.class).verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	/** Data of the application, written with its own naming strategy. */
	record Approval(String approvedBy, boolean isApproved) {

	}

}
