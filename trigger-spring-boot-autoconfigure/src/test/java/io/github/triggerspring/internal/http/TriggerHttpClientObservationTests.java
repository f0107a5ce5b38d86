package io.github.triggerspring.internal.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerConnectionException;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.error.TriggerServerException;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.observation.TriggerObservationContext;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.schedules.SchedulesClient;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.testing.FixedRandom;
import io.github.triggerspring.testing.MockTriggerApi;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code trigger.client.calls} observation of {@link TriggerHttpClient}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerHttpClientObservationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final MockTriggerApi api = new MockTriggerApi();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<String> events = new CopyOnWriteArrayList<>();

	TriggerHttpClientObservationTests() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onEvent(Observation.Event event, Observation.Context context) {
				TriggerHttpClientObservationTests.this.events.add(context.getName() + " " + event.getName() + " "
						+ context.getLowCardinalityKeyValues().stream().map(KeyValue::getKey).toList());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
	}

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private TriggerHttpClient http(TriggerCredentials credentials, String baseUrl) {
		return TriggerHttpClient
			.builder(WebClient.builder().baseUrl(baseUrl).observationRegistry(this.registry).build(),
					new DefaultTriggerAuthStrategy(credentials), JsonMapper.builder().build())
			.settings(MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, TIMEOUT))
			.random(FixedRandom.LOWEST)
			.observations(this.registry, null)
			.build();
	}

	private TriggerHttpClient http(TriggerCredentials credentials) {
		return http(credentials, this.api.baseUrl());
	}

	@Test
	void observesASuccessfulCallWithItsEndpointCredentialAndRunId() {
		this.api.respond(200, MockTriggerApi.RUN_JSON);
		StepVerifier.create(new RunsClient(http(MockTriggerApi.secretKey())).retrieve("run_1234"))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("trigger.client.calls", 1)
			.hasObservationWithNameEqualTo("trigger.client.calls")
			.that()
			.hasContextualNameEqualTo("trigger runs.retrieve")
			.hasLowCardinalityKeyValue("trigger.endpoint", "runs.retrieve")
			.hasLowCardinalityKeyValue("trigger.namespace", "runs")
			.hasLowCardinalityKeyValue("trigger.credential", "secret_key")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("exception", "none")
			.hasHighCardinalityKeyValue("trigger.run.id", "run_1234")
			.hasKeyValuesCount(6)
			.doesNotHaveError();
		assertThat(this.events).isEmpty();
	}

	@Test
	void observesOneCallAroundItsRetriesAndCountsThem() {
		this.api.respond(500, "{\"error\":\"boom\"}").respond(503, "{\"error\":\"busy\"}").respond(200, MockTriggerApi.RUN_JSON);
		StepVerifier.create(new RunsClient(http(MockTriggerApi.secretKey())).retrieve("run_1234"))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("trigger.client.calls", 1)
			.hasNumberOfObservationsWithNameEqualTo("http.client.requests", 3)
			.hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
				.filteredOn((context) -> "http.client.requests".equals(context.getName()))
				.extracting((request) -> request.getParentObservation().getContextView().getName())
				.containsExactly("trigger.client.calls", "trigger.client.calls", "trigger.client.calls"))
			.hasObservationWithNameEqualTo("trigger.client.calls")
			.that()
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("exception", "none");
		assertThat(this.events).containsExactly(
				"trigger.client.calls retry [trigger.endpoint, trigger.namespace]",
				"trigger.client.calls retry [trigger.endpoint, trigger.namespace]");
		assertThat(onlyCall().getRetries()).isEqualTo(2);
		assertThat(onlyCall().getRateLimitWaits()).isZero();
	}

	@Test
	void countsARetryAfterARateLimitAsARateLimitWait() {
		this.api.respond(429, "{\"error\":\"Rate limit exceeded\"}").respond(200, MockTriggerApi.RUN_JSON);
		StepVerifier.create(new RunsClient(http(MockTriggerApi.secretKey())).retrieve("run_1234"))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.events).containsExactly(
				"trigger.client.calls retry [trigger.endpoint, trigger.namespace]",
				"trigger.client.calls rate-limit-wait [trigger.endpoint, trigger.namespace]");
		assertThat(onlyCall().getRetries()).isEqualTo(1);
		assertThat(onlyCall().getRateLimitWaits()).isEqualTo(1);
	}

	@Test
	void observesAClientError() {
		this.api.respond(404, "{\"error\":\"Run not found\"}");
		StepVerifier.create(new RunsClient(http(MockTriggerApi.secretKey())).retrieve("run_1234"))
			.expectError(TriggerNotFoundException.class)
			.verify(TIMEOUT);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("trigger.client.calls")
			.that()
			.hasLowCardinalityKeyValue("trigger.credential", "secret_key")
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("exception", "TriggerNotFoundException")
			.hasError();
	}

	@Test
	void observesAServerErrorAfterTheLastAttempt() {
		for (int attempt = 0; attempt < 5; attempt++) {
			this.api.respond(503, "{\"error\":\"busy\"}");
		}
		StepVerifier.create(new RunsClient(http(MockTriggerApi.secretKey())).cancel("run_1234"))
			.expectError(TriggerServerException.class)
			.verify(TIMEOUT);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("trigger.client.calls", 1)
			.hasObservationWithNameEqualTo("trigger.client.calls")
			.that()
			.hasLowCardinalityKeyValue("trigger.endpoint", "runs.cancel")
			.hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
			.hasLowCardinalityKeyValue("exception", "TriggerServerException")
			.hasHighCardinalityKeyValue("trigger.run.id", "run_1234");
		assertThat(onlyCall().getRetries()).isEqualTo(4);
	}

	@Test
	void observesACallThatGetsNoResponse() {
		String closedPort = this.api.baseUrl();
		this.api.close();
		TriggerHttpClient http = TriggerHttpClient
			.builder(WebClient.builder().baseUrl(closedPort).build(),
					new DefaultTriggerAuthStrategy(MockTriggerApi.secretKey()), JsonMapper.builder().build())
			.settings(MockTriggerApi.settings(TriggerRetryPolicy.none(), TIMEOUT))
			.random(FixedRandom.LOWEST)
			.observations(this.registry, null)
			.build();
		StepVerifier.create(new RunsClient(http).retrieve("run_1234"))
			.expectError(TriggerConnectionException.class)
			.verify(TIMEOUT);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("trigger.client.calls")
			.that()
			.hasLowCardinalityKeyValue("outcome", "NO_RESPONSE")
			.hasLowCardinalityKeyValue("exception", "TriggerConnectionException");
	}

	@Test
	void observesARefusalByTheAuthStrategyWithNothingSent() {
		RunsClient runs = new RunsClient(http(MockTriggerApi.pat(TriggerEnvironment.PROD)));
		StepVerifier.create(runs.retrieve("run_1234")).expectError(UnsupportedCredentialException.class).verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("trigger.client.calls")
			.that()
			.hasLowCardinalityKeyValue("trigger.endpoint", "runs.retrieve")
			.hasLowCardinalityKeyValue("trigger.namespace", "runs")
			.hasLowCardinalityKeyValue("trigger.credential", "personal_access_token")
			.hasLowCardinalityKeyValue("outcome", "REFUSED")
			.hasLowCardinalityKeyValue("exception", "UnsupportedCredentialException")
			.doesNotHaveHighCardinalityKeyValueWithKey("trigger.run.id");
	}

	@Test
	void observesTheTaskIdOfATrigger() {
		this.api.respond(200, "{\"id\":\"run_1\"}");
		StepVerifier.create(new TasksClient(http(MockTriggerApi.secretKey())).trigger("send-email", "hello"))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("trigger.client.calls")
			.that()
			.hasLowCardinalityKeyValue("trigger.endpoint", "task.trigger")
			.hasLowCardinalityKeyValue("trigger.namespace", "tasks")
			.hasHighCardinalityKeyValue("trigger.task.id", "send-email")
			.doesNotHaveHighCardinalityKeyValueWithKey("trigger.run.id");
	}

	@Test
	void observesAPublicCallAsSentWithNoCredential() {
		this.api.respond(200, "{\"timezones\":[\"UTC\"]}");
		StepVerifier.create(new SchedulesClient(http(MockTriggerApi.secretKey())).timezones())
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("trigger.client.calls")
			.that()
			.hasLowCardinalityKeyValue("trigger.endpoint", "schedules.timezones")
			.hasLowCardinalityKeyValue("trigger.credential", "none")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS");
	}

	@Test
	void observesNothingWithTheNoopRegistry() {
		this.api.respond(200, MockTriggerApi.RUN_JSON);
		RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.secretKey()));
		StepVerifier.create(runs.retrieve("run_1234")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyObservation();
	}

	private TriggerObservationContext onlyCall() {
		TriggerObservationContext[] found = new TriggerObservationContext[1];
		TestObservationRegistryAssert.assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> {
			List<Observation.Context> calls = contexts.stream()
				.filter(TriggerObservationContext.class::isInstance)
				.toList();
			assertThat(calls).hasSize(1);
			found[0] = (TriggerObservationContext) calls.get(0);
		});
		return found[0];
	}

}
