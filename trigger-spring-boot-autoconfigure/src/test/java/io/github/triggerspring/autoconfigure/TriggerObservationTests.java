package io.github.triggerspring.autoconfigure;

import java.time.Duration;

import io.github.triggerspring.observation.DefaultTriggerObservationConvention;
import io.github.triggerspring.observation.TriggerObservationContext;
import io.github.triggerspring.observation.TriggerObservationConvention;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.testing.MockTriggerApi;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

/**
 * Tests that Trigger.dev calls are observed through Boot's {@code WebClient.Builder}, with
 * the URI template (not the expanded path) as a low-cardinality key, and as
 * {@code trigger.client.calls} with the auto-configured registry and convention.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerObservationTests {

	private static final String RUN_JSON = """
			{"id":"run_1234","status":"QUEUED","taskIdentifier":"process-order","isQueued":true,"isExecuting":false,
			 "isWaiting":false,"isCompleted":false,"isSuccess":false,"isFailed":false,"isCancelled":false,
			 "isTest":false,"tags":[],"costInCents":0,"baseCostInCents":0,"durationMs":0,"depth":0,"attemptCount":0}""";

	private final MockTriggerApi api = new MockTriggerApi();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				WebClientObservationAutoConfiguration.class, TriggerAutoConfiguration.class))
		.withBean(TestObservationRegistry.class, () -> this.registry)
		.withPropertyValues("trigger.api-url=" + this.api.baseUrl(), "trigger.secret-key=" + MockTriggerApi.SECRET_KEY);

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	@Test
	void observesCallsWithTheUriTemplate() {
		this.api.respond(200, RUN_JSON);
		this.contextRunner.run((context) -> {
			StepVerifier.create(context.getBean(RunsClient.class).retrieve("run_1234"))
				.expectNextCount(1)
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			TestObservationRegistryAssert.assertThat(this.registry)
				.hasObservationWithNameEqualTo("http.client.requests")
				.that()
				.hasLowCardinalityKeyValue("uri", "/api/v3/runs/{runId}")
				.hasLowCardinalityKeyValue("method", "GET")
				.hasLowCardinalityKeyValue("status", "200");
		});
	}

	@Test
	void observesACallWithTheUriTemplateWhenItsUriWasExpandedForAnEarlierCall() {
		this.api.respond(200, RUN_JSON).respond(200, RUN_JSON);
		this.contextRunner.run((context) -> {
			RunsClient runs = context.getBean(RunsClient.class);
			StepVerifier.create(runs.retrieve("run_1234").then(runs.retrieve("run_1234")))
				.expectNextCount(1)
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			TestObservationRegistryAssert.assertThat(this.registry)
				.hasNumberOfObservationsWithNameEqualTo("http.client.requests", 2)
				.forAllObservationsWithNameEqualTo("http.client.requests",
						(observation) -> observation.hasLowCardinalityKeyValue("uri", "/api/v3/runs/{runId}"));
		});
	}

	@Test
	void observesEachLogicalCallAsTheParentOfItsRequests() {
		this.api.respond(200, RUN_JSON);
		this.contextRunner.run((context) -> {
			StepVerifier.create(context.getBean(RunsClient.class).retrieve("run_1234"))
				.expectNextCount(1)
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			TestObservationRegistryAssert.assertThat(this.registry)
				.hasObservationWithNameEqualTo("trigger.client.calls")
				.that()
				.hasContextualNameEqualTo("trigger runs.retrieve")
				.hasLowCardinalityKeyValue("trigger.endpoint", "runs.retrieve")
				.hasLowCardinalityKeyValue("trigger.credential", "secret_key")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS")
				.hasHighCardinalityKeyValue("trigger.run.id", "run_1234");
			TestObservationRegistryAssert.assertThat(this.registry)
				.hasObservationWithNameEqualTo("http.client.requests")
				.that()
				.hasParentObservationContextMatching((parent) -> "trigger.client.calls".equals(parent.getName()));
		});
	}

	@Test
	void usesTheApplicationsObservationConvention() {
		this.api.respond(200, RUN_JSON);
		this.contextRunner.withBean(TriggerObservationConvention.class, () -> new DefaultTriggerObservationConvention() {

			@Override
			public String getName() {
				return "orders.trigger.calls";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(TriggerObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("team", "orders");
			}

		}).run((context) -> {
			StepVerifier.create(context.getBean(RunsClient.class).retrieve("run_1234"))
				.expectNextCount(1)
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			TestObservationRegistryAssert.assertThat(this.registry)
				.hasNumberOfObservationsWithNameEqualTo("trigger.client.calls", 0)
				.hasObservationWithNameEqualTo("orders.trigger.calls")
				.that()
				.hasLowCardinalityKeyValue("team", "orders")
				.hasLowCardinalityKeyValue("trigger.endpoint", "runs.retrieve");
		});
	}

	@Test
	void observesTheUploadOfALargePayloadToObjectStorageToo() {
		this.api.respond(200, "{\"presignedUrl\":\"" + this.api.baseUrl() + "/storage/object\",\"storagePath\":\"p\"}")
			.respond(new MockResponse.Builder().code(200).build())
			.respond(200, "{\"id\":\"run_1\"}");
		this.contextRunner.run((context) -> {
			StepVerifier.create(context.getBean(TasksClient.class).trigger("t", "p".repeat(131_072)))
				.expectNextCount(1)
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			TestObservationRegistryAssert.assertThat(this.registry)
				.hasNumberOfObservationsWithNameEqualTo("http.client.requests", 3)
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("method", "PUT")
					.hasLowCardinalityKeyValue("uri", "/api/v2/packets/{filename}"))
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("method", "PUT")
					.hasLowCardinalityKeyValue("status", "200")
					.hasLowCardinalityKeyValue("uri", "none"));
		});
	}

}
