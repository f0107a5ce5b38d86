package io.github.triggerspring.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RunsClient#list(ListRunsRequest)} auto-pagination and
 * {@link RunsClient#listPage(ListRunsRequest)}, against a mock API serving three pages of
 * two, two and one runs.
 *
 * @author trigger-spring-boot contributors
 */
class RunsClientPagingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration QUIET = Duration.ofMillis(300);

	private static final ListRunsRequest PAGES_OF_TWO = ListRunsRequest.builder()
		.taskIdentifier("my-task")
		.pageSize(2)
		.build();

	private final MockTriggerApi api = new MockTriggerApi();

	private final RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.secretKey()));

	@BeforeEach
	void serveThreePages() {
		this.api.respond(200, page(List.of("run_1", "run_2"), "cursor_2", null))
			.respond(200, page(List.of("run_3", "run_4"), "cursor_3", "cursor_1"))
			.respond(200, page(List.of("run_5"), null, "cursor_2"));
	}

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	@Test
	void fullIterationFollowsTheCursorsThroughEveryPage() {
		StepVerifier.create(this.runs.list(PAGES_OF_TWO).map(RunSummary::id))
			.expectNext("run_1", "run_2", "run_3", "run_4", "run_5")
			.expectComplete()
			.verify(TIMEOUT);
		List<RecordedRequest> requests = takeRequests();
		assertThat(requests).hasSize(3);
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.getMethod()).isEqualTo("GET");
			assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/runs");
			assertThat(request.getUrl().queryParameter("filter[taskIdentifier]")).isEqualTo("my-task");
			assertThat(request.getUrl().queryParameter("page[size]")).isEqualTo("2");
			assertThat(request.getUrl().queryParameter("page[before]")).isNull();
		});
		assertThat(requests).extracting((request) -> request.getUrl().queryParameter("page[after]"))
			.containsExactly(null, "cursor_2", "cursor_3");
	}

	@Test
	void takingItemsOfTheFirstPageFetchesOnlyThatPage() {
		StepVerifier.create(this.runs.list(PAGES_OF_TWO).take(2).map(RunSummary::id))
			.expectNext("run_1", "run_2")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(Mono.delay(QUIET)).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
		assertThat(this.api.takeRequest().getUrl().queryParameter("page[after]")).isNull();
	}

	@Test
	void nextPageIsFetchedOnlyWhenDemandReachesIt() {
		StepVerifier.create(this.runs.list(PAGES_OF_TWO).map(RunSummary::id), 0)
			.expectSubscription()
			.expectNoEvent(QUIET)
			.then(() -> assertThat(this.api.requestCount()).isZero())
			.thenRequest(2)
			.expectNext("run_1", "run_2")
			.expectNoEvent(QUIET)
			.then(() -> assertThat(this.api.requestCount()).isEqualTo(1))
			.thenRequest(1)
			.expectNext("run_3")
			.then(() -> assertThat(this.api.requestCount()).isEqualTo(2))
			.thenCancel()
			.verify(TIMEOUT);
		List<RecordedRequest> requests = takeRequests();
		assertThat(requests).extracting((request) -> request.getUrl().queryParameter("page[after]"))
			.containsExactly(null, "cursor_2");
	}

	@Test
	void listPageReturnsOnePageWithItsCursors() {
		StepVerifier.create(this.runs.listPage(PAGES_OF_TWO)).assertNext((page) -> {
			assertThat(page.data()).extracting(RunSummary::id).containsExactly("run_1", "run_2");
			assertThat(page.next()).isEqualTo("cursor_2");
			assertThat(page.previous()).isNull();
			assertThat(page.hasNextPage()).isTrue();
			RunSummary first = page.data().get(0);
			assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(first.taskIdentifier()).isEqualTo("my-task");
			assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00.500Z"));
			assertThat(first.startedAt()).isNull();
			assertThat(first.tags()).containsExactly("user_1");
			assertThat(first.env()).isEqualTo(new RunSummary.RunEnvironment("env_123", "dev"));
		}).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.runs.listPage(PAGES_OF_TWO.after("cursor_2"))).assertNext((page) -> {
			assertThat(page.data()).extracting(RunSummary::id).containsExactly("run_3", "run_4");
			assertThat(page.next()).isEqualTo("cursor_3");
			assertThat(page.previous()).isEqualTo("cursor_1");
		}).expectComplete().verify(TIMEOUT);
		assertThat(takeRequests()).extracting((request) -> request.getUrl().queryParameter("page[after]"))
			.containsExactly(null, "cursor_2");
	}

	@Test
	void previousPageRequestSendsTheCurrentPagesParametersPlusBeforeAsTheSdkDoes() {
		ListRunsRequest second = PAGES_OF_TWO.after("cursor_2");
		StepVerifier.create(this.runs.listPage(PAGES_OF_TWO).then(this.runs.listPage(second)).flatMap((page) -> {
			assertThat(page.hasPreviousPage()).isTrue();
			return this.runs.listPage(second.before(page.previous()));
		})).expectNextCount(1).expectComplete().verify(TIMEOUT);
		List<RecordedRequest> requests = takeRequests();
		assertThat(requests).extracting((request) -> request.getUrl().query())
			.containsExactly("filter[taskIdentifier]=my-task&page[size]=2",
					"filter[taskIdentifier]=my-task&page[size]=2&page[after]=cursor_2",
					"filter[taskIdentifier]=my-task&page[size]=2&page[after]=cursor_2&page[before]=cursor_1");
	}

	@Test
	void previousPageOfTheFirstPageSendsOnlyBefore() {
		StepVerifier.create(this.runs.listPage(ListRunsRequest.all().before("cursor_0")))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getUrl().query()).isEqualTo("page[before]=cursor_0");
	}

	@Test
	void nextPageRequestDropsTheBeforeCursor() {
		StepVerifier.create(this.runs.listPage(PAGES_OF_TWO.before("cursor_9").after("cursor_2")))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getUrl().query())
			.isEqualTo("filter[taskIdentifier]=my-task&page[size]=2&page[after]=cursor_2");
	}

	private List<RecordedRequest> takeRequests() {
		List<RecordedRequest> requests = new ArrayList<>();
		for (int i = this.api.requestCount(); i > 0; i--) {
			requests.add(this.api.takeRequest());
		}
		return requests;
	}

	private static String page(List<String> ids, @Nullable String next, @Nullable String previous) {
		StringBuilder data = new StringBuilder();
		for (String id : ids) {
			if (!data.isEmpty()) {
				data.append(',');
			}
			data.append("""
					{"id":"%s","status":"COMPLETED","taskIdentifier":"my-task","isQueued":false,
					"isExecuting":false,"isWaiting":false,"isCompleted":true,"isSuccess":true,"isFailed":false,
					"isCancelled":false,"isTest":false,"createdAt":"2026-01-01T10:00:00.500Z",
					"updatedAt":"2026-01-01T10:00:02.000Z","tags":["user_1"],"costInCents":0.5,
					"baseCostInCents":0.25,"durationMs":1200,"taskKind":"STANDARD","region":"us-east-1",
					"env":{"id":"env_123","name":"dev","user":"someone"}}""".formatted(id));
		}
		StringBuilder pagination = new StringBuilder();
		if (next != null) {
			pagination.append("\"next\":\"").append(next).append('"');
		}
		if (previous != null) {
			pagination.append(pagination.isEmpty() ? "" : ",").append("\"previous\":\"").append(previous).append('"');
		}
		return "{\"data\":[" + data + "],\"pagination\":{" + pagination + "}}";
	}

}
