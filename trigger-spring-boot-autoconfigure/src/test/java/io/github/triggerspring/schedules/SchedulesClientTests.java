package io.github.triggerspring.schedules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.paging.OffsetPage;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static io.github.triggerspring.testing.MockTriggerApi.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SchedulesClient}.
 *
 * @author trigger-spring-boot contributors
 */
class SchedulesClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Longer than the 2 s default of {@link MockTriggerApi}, so that the first call of a cold
	 * JVM does not time out and retry against an empty response queue.
	 */

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SCHEDULE_JSON = """
			{
			  "id": "sched_1234",
			  "type": "IMPERATIVE",
			  "task": "daily-report",
			  "active": true,
			  "deduplicationKey": "daily-report-org_42",
			  "externalId": "org_42",
			  "generator": {"type": "CRON", "expression": "0 8 * * *", "description": "At 08:00 AM"},
			  "timezone": "Europe/Paris",
			  "window": "30m",
			  "nextRun": "2025-07-17T06:00:00.000Z",
			  "nextRunEffectiveAt": "2025-07-17T06:12:00.000Z",
			  "environments": [
			    {"id": "env_prod1", "type": "PRODUCTION", "userName": null, "slug": "prod"},
			    {"id": "env_dev1", "type": "DEVELOPMENT", "userName": "ada"}
			  ]
			}""";

	private static final Schedule SCHEDULE = new Schedule("sched_1234", ScheduleType.IMPERATIVE, "daily-report", true,
			"daily-report-org_42", "org_42", new Schedule.Generator("CRON", "0 8 * * *", "At 08:00 AM"), "Europe/Paris",
			Instant.parse("2025-07-17T06:00:00Z"), List.of(new Schedule.Environment("env_prod1", "PRODUCTION", null),
					new Schedule.Environment("env_dev1", "DEVELOPMENT", "ada")));

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private SchedulesClient client() {
		return new SchedulesClient(
				this.api.http(MockTriggerApi.secretKey()));
	}

	private static SchedulesClient patOnlyClient(MockTriggerApi api) {
		return new SchedulesClient(
				api.http(MockTriggerApi.pat(TriggerEnvironment.PROD)));
	}

	@Test
	void createPostsTheDefinitionAndMapsTheSchedule() {
		this.api.respond(200, SCHEDULE_JSON);
		CreateScheduleRequest request = CreateScheduleRequest.builder()
			.task("daily-report")
			.cron("0 8 * * *")
			.deduplicationKey("daily-report-org_42")
			.externalId("org_42")
			.timezone("Europe/Paris")
			.build();
		StepVerifier.create(client().create(request)).expectNext(SCHEDULE).expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "POST", "/api/v1/schedules", SECRET_KEY);
		assertJsonBody(recorded, """
				{"task":"daily-report","cron":"0 8 * * *","deduplicationKey":"daily-report-org_42",
				 "externalId":"org_42","timezone":"Europe/Paris"}""");
	}

	@Test
	void createLeavesUnsetOptionsOut() {
		this.api.respond(200, SCHEDULE_JSON);
		CreateScheduleRequest request = CreateScheduleRequest.builder()
			.task("daily-report")
			.cron("0 8 * * *")
			.deduplicationKey("daily")
			.build();
		StepVerifier.create(client().create(request)).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertJsonBody(this.api.takeRequest(),
				"{\"task\":\"daily-report\",\"cron\":\"0 8 * * *\",\"deduplicationKey\":\"daily\"}");
	}

	@Test
	void retrieveGetsTheScheduleById() {
		this.api.respond(200, SCHEDULE_JSON);
		StepVerifier.create(client().retrieve("sched_1234")).expectNext(SCHEDULE).expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "GET", "/api/v1/schedules/sched_1234", SECRET_KEY);
		assertThat(recorded.getBodySize()).isZero();
	}

	@Test
	void updatePutsTheDefinitionWithoutDeduplicationKey() {
		this.api.respond(200, SCHEDULE_JSON);
		UpdateScheduleRequest request = UpdateScheduleRequest.builder()
			.task("daily-report")
			.cron("0 9 * * 1-5")
			.timezone("UTC")
			.build();
		StepVerifier.create(client().update("sched_1234", request)).expectNext(SCHEDULE).expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "PUT", "/api/v1/schedules/sched_1234", SECRET_KEY);
		assertJsonBody(recorded, "{\"task\":\"daily-report\",\"cron\":\"0 9 * * 1-5\",\"timezone\":\"UTC\"}");
	}

	@Test
	void activatePostsWithoutABody() {
		this.api.respond(200, SCHEDULE_JSON);
		StepVerifier.create(client().activate("sched_1234")).expectNext(SCHEDULE).expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "POST", "/api/v1/schedules/sched_1234/activate", SECRET_KEY);
		assertThat(recorded.getBodySize()).isZero();
	}

	@Test
	void deactivatePostsWithoutABody() {
		this.api.respond(200, SCHEDULE_JSON.replace("\"active\": true", "\"active\": false"));
		StepVerifier.create(client().deactivate("sched_1234"))
			.assertNext((schedule) -> assertThat(schedule.active()).isFalse())
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "POST", "/api/v1/schedules/sched_1234/deactivate", SECRET_KEY);
		assertThat(recorded.getBodySize()).isZero();
	}

	@Test
	void delDeletesAndReturnsTheId() {
		this.api.respond(200, "{\"id\":\"sched_1234\",\"deleted\":true}");
		StepVerifier.create(client().del("sched_1234")).expectNext("sched_1234").expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "DELETE", "/api/v1/schedules/sched_1234", SECRET_KEY);
		assertThat(recorded.getBodySize()).isZero();
	}

	@Test
	void scheduleIdIsSentAsOneEncodedPathSegment() {
		this.api.respond(200, SCHEDULE_JSON);
		StepVerifier.create(client().retrieve("sched/1 2")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v1/schedules/sched%2F1%202");
	}

	@Test
	void unknownScheduleTypeReadsAsUnknown() {
		this.api.respond(200, SCHEDULE_JSON.replace("IMPERATIVE", "GENERATED"));
		StepVerifier.create(client().retrieve("sched_1234"))
			.assertNext((schedule) -> assertThat(schedule.type()).isEqualTo(ScheduleType.UNKNOWN))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void listPageSendsPerPageAndPageAndMapsThePagination() {
		this.api.respond(200, page(2, 3, 25, "sched_a"));
		StepVerifier.create(client().listPage(2, 10))
			.assertNext((page) -> {
				assertThat(page.data()).extracting(Schedule::id).containsExactly("sched_a");
				assertThat(page.pagination()).isEqualTo(new OffsetPage.Pagination(2, 3, 25));
				assertThat(page.hasNextPage()).isTrue();
			})
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "GET", "/api/v1/schedules?perPage=10&page=2", SECRET_KEY);
		assertThat(recorded.getBodySize()).isZero();
	}

	@Test
	void listFollowsPageNumbersAcrossThreePagesAsTheSdkDoes() {
		this.api.respond(200, page(1, 3, 5, "sched_1", "sched_2"))
			.respond(200, page(2, 3, 5, "sched_3", "sched_4"))
			.respond(200, page(3, 3, 5, "sched_5"));
		StepVerifier.create(client().list(2).map(Schedule::id))
			.expectNext("sched_1", "sched_2", "sched_3", "sched_4", "sched_5")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(3);
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/schedules?perPage=2", SECRET_KEY);
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/schedules?perPage=2&page=2", SECRET_KEY);
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/schedules?perPage=2&page=3", SECRET_KEY);
	}

	@Test
	void listTakingItemsOfTheFirstPageFetchesOnlyThatPage() {
		this.api.respond(200, page(1, 3, 5, "sched_1", "sched_2"))
			.respond(200, page(2, 3, 5, "sched_3", "sched_4"));
		StepVerifier.create(client().list().take(2).map(Schedule::id))
			.expectNext("sched_1", "sched_2")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isOne();
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/schedules", SECRET_KEY);
	}

	@Test
	void listFetchesTheNextPageOnlyWhenDemandExceedsTheCurrentOne() {
		this.api.respond(200, page(1, 3, 5, "sched_1", "sched_2"))
			.respond(200, page(2, 3, 5, "sched_3", "sched_4"))
			.respond(200, page(3, 3, 5, "sched_5"));
		Flux<String> ids = client().list(2).map(Schedule::id);
		StepVerifier.create(ids, 0)
			.expectSubscription()
			.then(() -> assertThat(this.api.requestCount()).isZero())
			.thenRequest(2)
			.expectNext("sched_1", "sched_2")
			.then(() -> assertThat(this.api.requestCount()).isOne())
			.thenRequest(1)
			.expectNext("sched_3")
			.then(() -> assertThat(this.api.requestCount()).isEqualTo(2))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(2);
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v1/schedules?perPage=2");
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v1/schedules?perPage=2&page=2");
	}

	@Test
	void timezonesWithOnlyAnAccessTokenAreFetchedWithoutAuthorization() {
		this.api.respond(200, "{\"timezones\":[\"UTC\",\"Africa/Abidjan\",\"Europe/Paris\"],\"extra\":true}");
		StepVerifier.create(patOnlyClient(this.api).timezones())
			.expectNext(List.of("UTC", "Africa/Abidjan", "Europe/Paris"))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "GET", "/api/v1/timezones", null);
		assertThat(recorded.getHeaders().get("Authorization")).isNull();
	}

	@Test
	void timezonesExcludingUtcSendsTheFlag() {
		this.api.respond(200, "{\"timezones\":[\"Africa/Abidjan\"]}");
		StepVerifier.create(client().timezones(true))
			.expectNext(List.of("Africa/Abidjan"))
			.expectComplete()
			.verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/timezones?excludeUtc=true", null);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("securedCalls")
	void securedCallWithOnlyAnAccessTokenIsRefusedWithoutARequest(String endpoint,
			Function<SchedulesClient, Publisher<?>> call) {
		StepVerifier.create(call.apply(patOnlyClient(this.api)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(UnsupportedCredentialException.class)
				.hasMessageContaining("'" + endpoint + "'")
				.hasMessageContaining("secret key")
				.hasMessageNotContaining(MockTriggerApi.PAT))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	static Stream<Arguments> securedCalls() {
		CreateScheduleRequest create = CreateScheduleRequest.builder().task("t").cron("* * * * *").deduplicationKey("k").build();
		UpdateScheduleRequest update = UpdateScheduleRequest.builder().task("t").cron("* * * * *").build();
		return Stream.of(call("schedules.create", (client) -> client.create(create)),
				call("schedules.retrieve", (client) -> client.retrieve("sched_1")),
				call("schedules.update", (client) -> client.update("sched_1", update)),
				call("schedules.activate", (client) -> client.activate("sched_1")),
				call("schedules.deactivate", (client) -> client.deactivate("sched_1")),
				call("schedules.del", (client) -> client.del("sched_1")),
				call("schedules.list", SchedulesClient::list),
				call("schedules.list", (client) -> client.listPage(1, 10)));
	}

	private static Arguments call(String endpoint, Function<SchedulesClient, Publisher<?>> call) {
		return Arguments.of(endpoint, call);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidCalls")
	void invalidCallIsRefusedNamingTheFieldWithoutARequest(String description,
			Function<SchedulesClient, Publisher<?>> call, String field, String rule) {
		StepVerifier.create(call.apply(client()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(TriggerValidationException.class,
					(validation) -> {
						assertThat(validation.getField()).isEqualTo(field);
						assertThat(validation).hasMessageStartingWith("Invalid '" + field + "': ")
							.hasMessageContaining(rule);
					}))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	static Stream<Arguments> invalidCalls() {
		UpdateScheduleRequest valid = UpdateScheduleRequest.builder().task("t").cron("* * * * *").build();
		return Stream.of(
				invalid("create without task",
						(client) -> client.create(CreateScheduleRequest.builder().cron("* * * * *").deduplicationKey("k").build()),
						"task",
						"is required"),
				invalid("create with a blank cron",
						(client) -> client
							.create(CreateScheduleRequest.builder().task("t").cron(" ").deduplicationKey("k").build()),
						"cron", "is required"),
				invalid("create without deduplication key",
						(client) -> client.create(CreateScheduleRequest.builder().task("t").cron("* * * * *").build()),
						"deduplicationKey", "creating the schedule again updates it"),
				invalid("update without cron",
						(client) -> client.update("sched_1", UpdateScheduleRequest.builder().task("t").build()), "cron",
						"is required"),
				invalid("update without task",
						(client) -> client.update("sched_1", UpdateScheduleRequest.builder().cron("* * * * *").build()),
						"task", "is required"),
				invalid("retrieve with a blank id", (client) -> client.retrieve(" "), "scheduleId", "must not be blank"),
				invalid("update with a blank id", (client) -> client.update("", valid), "scheduleId",
						"must not be blank"),
				invalid("activate with a blank id", (client) -> client.activate(""), "scheduleId", "must not be blank"),
				invalid("deactivate with a blank id", (client) -> client.deactivate("\t"), "scheduleId",
						"must not be blank"),
				invalid("del with a blank id", (client) -> client.del(" "), "scheduleId", "must not be blank"),
				invalid("listPage with perPage 0", (client) -> client.listPage(1, 0), "perPage",
						"must be between 1 and 100, but was 0"),
				invalid("listPage with perPage 101", (client) -> client.listPage(1, 101), "perPage",
						"must be between 1 and 100, but was 101"),
				invalid("listPage with page 0", (client) -> client.listPage(0, 10), "page",
						"must be 1 or more, but was 0"),
				invalid("list with perPage 0", (client) -> client.list(0), "perPage",
						"must be between 1 and 100, but was 0"),
				invalid("list with perPage 101", (client) -> client.list(101), "perPage",
						"must be between 1 and 100, but was 101"));
	}

	private static Arguments invalid(String description, Function<SchedulesClient, Publisher<?>> call, String field,
			String rule) {
		return Arguments.of(description, call, field, rule);
	}

	private static String page(int currentPage, int totalPages, int count, String... ids) {
		StringBuilder data = new StringBuilder();
		for (String id : ids) {
			data.append((data.length() > 0) ? "," : "").append(SCHEDULE_JSON.replace("sched_1234", id));
		}
		return "{\"data\":[" + data + "],\"pagination\":{\"currentPage\":" + currentPage + ",\"totalPages\":"
				+ totalPages + ",\"count\":" + count + "}}";
	}

	private static void assertRequest(RecordedRequest request, String method, String target, @Nullable String token) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getTarget()).isEqualTo(target);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo((token != null) ? "Bearer " + token : null);
		assertThat(request.getHeaders().get("x-trigger-api-version")).isEqualTo("2025-07-16");
		assertThat(request.getHeaders().get("x-trigger-realtime-streams-version")).isEqualTo("v2");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("x-trigger-branch")).isNull();
	}

	private static void assertJsonBody(RecordedRequest request, String expectedJson) {
		assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(JSON.readTree(expectedJson));
	}

}
