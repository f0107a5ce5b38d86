package io.github.triggerspring.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.triggerspring.TriggerClient;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.envvars.CreateEnvVarRequest;
import io.github.triggerspring.envvars.EnvVar;
import io.github.triggerspring.envvars.EnvVarTarget;
import io.github.triggerspring.envvars.EnvVarUpload;
import io.github.triggerspring.runs.ListRunsRequest;
import io.github.triggerspring.runs.Run;
import io.github.triggerspring.runs.RunStatus;
import io.github.triggerspring.runs.RunSummary;
import io.github.triggerspring.schedules.CreateScheduleRequest;
import io.github.triggerspring.schedules.Schedule;
import io.github.triggerspring.schedules.ScheduleType;
import io.github.triggerspring.schedules.UpdateScheduleRequest;
import io.github.triggerspring.tasks.BatchItem;
import io.github.triggerspring.tasks.BatchResult;
import io.github.triggerspring.tasks.TriggerOptions;
import io.github.triggerspring.tasks.TriggerResult;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's Jackson settings never change the vendor's wire format: every
 * endpoint, called through the auto-configured clients of applications with hostile
 * Jackson settings, sends exactly the same bytes and decodes exactly the same values as
 * with Jackson's defaults. Only the user's own data (payloads) follows the application's
 * mapper.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerWireFormatIsolationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String RUN_JSON = """
			{"id":"run_1234","status":"COMPLETED","taskIdentifier":"process-order","idempotencyKey":null,
			 "isQueued":false,"isExecuting":false,"isWaiting":false,"isCompleted":true,"isSuccess":true,
			 "isFailed":false,"isCancelled":false,"isTest":false,"createdAt":"2026-11-27T10:00:00.000Z",
			 "finishedAt":"2026-11-27T10:00:01.500Z","tags":["vip"],"costInCents":1.5,"baseCostInCents":0.5,
			 "durationMs":12,"depth":0,"attemptCount":1,"metadata":{"progressPercent":100},
			 "payload":{"orderId":"o-1"},"output":{"shipped":true},"someFutureField":{"x":1}}""";

	private static final String SCHEDULE_JSON = """
			{"id":"sched_1234","type":"IMPERATIVE","task":"daily-report","active":true,
			 "deduplicationKey":"daily-report-org_42","externalId":"org_42",
			 "generator":{"type":"CRON","expression":"0 8 * * *","description":"At 08:00 AM"},
			 "timezone":"Europe/Paris","nextRun":"2025-07-17T06:00:00.000Z",
			 "environments":[{"id":"env_dev1","type":"DEVELOPMENT","userName":"ada"}]}""";

	private static final String SUCCESS = "{\"success\":true}";

	private static final String ENVVARS = "/api/v1/projects/" + MockTriggerApi.PROJECT_REF + "/envvars/dev";

	private final MockTriggerApi api = new MockTriggerApi();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, TriggerAutoConfiguration.class))
		.withPropertyValues("trigger.api-url=" + this.api.baseUrl(), "trigger.retry.max-attempts=1",
				"trigger.secret-key=" + MockTriggerApi.SECRET_KEY, "trigger.project-ref=" + MockTriggerApi.PROJECT_REF);

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	static Stream<Arguments> hostileSettings() {
		return Stream.of(Arguments.of("Jackson's defaults", new String[0], null),
				Arguments.of("snake_case naming", new String[] { "spring.jackson.property-naming-strategy=SNAKE_CASE" },
						null),
				Arguments.of("other date format and time zone",
						new String[] { "spring.jackson.date-format=yyyy/MM/dd HH:mm",
								"spring.jackson.time-zone=Asia/Tokyo" },
						null),
				Arguments.of("dates as timestamps, nulls included, unknown fields fatal, indented", new String[0],
						(JsonMapperBuilderCustomizer) (builder) -> builder
							.enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
							.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
							.enable(SerializationFeature.INDENT_OUTPUT)
							.changeDefaultPropertyInclusion(
									(inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.ALWAYS))),
				Arguments.of("default typing", new String[0],
						(JsonMapperBuilderCustomizer) (builder) -> builder.activateDefaultTyping(
								BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build(),
								DefaultTyping.NON_FINAL)),
				Arguments.of("a module that upper-cases every string", new String[0],
						(JsonMapperBuilderCustomizer) (builder) -> builder
							.addModule(new SimpleModule("shout").addSerializer(String.class, new Shouting()))),
				Arguments.of("all of them", new String[] { "spring.jackson.property-naming-strategy=KEBAB_CASE" },
						(JsonMapperBuilderCustomizer) (builder) -> builder
							.enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
							.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
							.enable(SerializationFeature.INDENT_OUTPUT)
							.changeDefaultPropertyInclusion(
									(inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.ALWAYS))
							.activateDefaultTyping(
									BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build(),
									DefaultTyping.NON_FINAL)
							.addModule(new SimpleModule("shout").addSerializer(String.class, new Shouting()))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileSettings")
	void everyEndpointKeepsTheVendorsWireFormat(String name, String[] properties,
			@Nullable JsonMapperBuilderCustomizer customizer) {
		runner(properties, customizer).run((context) -> {
			assertThat(context).hasNotFailed();
			for (Exchange exchange : exchanges()) {
				exchange.verify(context, this.api);
			}
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileSettings")
	void payloadsAloneFollowTheApplicationsMapper(String name, String[] properties,
			@Nullable JsonMapperBuilderCustomizer customizer) {
		runner(properties, customizer).run((context) -> {
			JsonMapper applicationMapper = context.getBean(JsonMapper.class);
			String payload = applicationMapper.writer()
				.without(SerializationFeature.INDENT_OUTPUT)
				.writeValueAsString(new Order("o-1", 2));
			this.api.respond(200, "{\"id\":\"run_1\"}");
			TriggerResult result = context.getBean(TriggerClient.class)
				.tasks()
				.trigger("process-order", new Order("o-1", 2))
				.block(TIMEOUT);
			assertThat(result).isEqualTo(new TriggerResult("run_1", false, null));
			String superJson = "{\"json\":" + payload + "}";
			assertThat(body(this.api.takeRequest())).isEqualTo("{\"payload\":"
					+ JsonMapper.builder().build().writeValueAsString(superJson)
					+ ",\"options\":{\"payloadType\":\"application/super+json\",\"payloadSize\":"
					+ superJson.getBytes(StandardCharsets.UTF_8).length + "}}");
		});
	}

	private ApplicationContextRunner runner(String[] properties, @Nullable JsonMapperBuilderCustomizer customizer) {
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues(properties);
		return (customizer != null) ? runner.withBean(JsonMapperBuilderCustomizer.class, () -> customizer) : runner;
	}

	private static List<Exchange> exchanges() {
		return List.of(
				new Exchange("task.trigger",
						(client) -> client.tasks()
							.trigger("process-order", "plain text",
									TriggerOptions.builder()
										.tags("vip")
										.ttl(Duration.ofMinutes(5))
										.delay(Instant.parse("2030-01-02T03:04:05Z"))
										.build()),
						"{\"id\":\"run_1\",\"isCached\":true,\"someFutureField\":1}", "POST",
						"/api/v1/tasks/process-order/trigger",
						"{\"payload\":\"plain text\",\"options\":{\"payloadType\":\"text/plain\","
								+ "\"delay\":\"2030-01-02T03:04:05.000Z\",\"ttl\":300,\"tags\":[\"vip\"],\"payloadSize\":10}}",
						new TriggerResult("run_1", true, null)),
				new Exchange("task.batchTrigger (phase 1)",
						(client) -> client.tasks()
							.batchTrigger("process-order", List.of(BatchItem.of("a")))
							.then(Mono.fromCallable(() -> "sent")),
						List.of("{\"id\":\"batch_1\",\"runCount\":1,\"isCached\":true}",
								"{\"id\":\"batch_1\",\"itemsAccepted\":0,\"itemsDeduplicated\":1,\"sealed\":true}"),
						List.of("POST /api/v3/batches", "POST /api/v3/batches/batch_1/items"),
						List.of("{\"runCount\":1,\"taskIdentifiers\":[\"process-order\"]}",
								"{\"index\":0,\"task\":\"process-order\",\"payload\":\"a\",\"options\":"
										+ "{\"payloadType\":\"text/plain\",\"payloadSize\":1}}\n"),
						"sent"),
				new Exchange("task.batchTrigger (phase 2)",
						(client) -> client.tasks()
							.batchTrigger("process-order", Flux.just(BatchItem.of("a"))),
						List.of("{\"id\":\"batch_1\",\"runCount\":1,\"isCached\":false}",
								"{\"id\":\"batch_1\",\"itemsAccepted\":1,\"itemsDeduplicated\":0,\"sealed\":true}"),
						List.of("POST /api/v3/batches", "POST /api/v3/batches/batch_1/items"),
						List.of("{\"runCount\":1,\"taskIdentifiers\":[\"process-order\"]}",
								"{\"index\":0,\"task\":\"process-order\",\"payload\":\"a\",\"options\":"
										+ "{\"payloadType\":\"text/plain\",\"payloadSize\":1}}\n"),
						new BatchResult("batch_1", 1, false, null)),
				new Exchange("runs.list",
						(client) -> client.runs()
							.listPage(ListRunsRequest.builder()
								.status(RunStatus.COMPLETED)
								.from(Instant.parse("2026-01-01T00:00:00Z"))
								.pageSize(1)
								.build())
							.map((page) -> page.data()),
						"{\"data\":[" + RUN_JSON + "],\"pagination\":{\"next\":\"run_0\"}}", "GET",
						"/api/v1/runs?filter[status]=COMPLETED&filter[createdAt][from]=1767225600000&page[size]=1",
						null, List.of(RUN_SUMMARY)),
				new Exchange("runs.retrieve", (client) -> client.runs().retrieve("run_1234"), RUN_JSON, "GET",
						"/api/v3/runs/run_1234", null, RUN),
				new Exchange("runs.cancel", (client) -> client.runs().cancel("run_1234"), "{\"id\":\"run_1234\"}",
						"POST", "/api/v2/runs/run_1234/cancel", null, "run_1234"),
				new Exchange("runs.replay", (client) -> client.runs().replay("run_1234"), "{\"id\":\"run_5678\"}",
						"POST", "/api/v1/runs/run_1234/replay", null, "run_5678"),
				new Exchange("envvars.list", (client) -> client.envVars().list().collectList(),
						"[{\"name\":\"A\",\"value\":\"1\",\"isSecret\":false,\"createdAt\":\"2025-07-01T10:00:00.000Z\"}]",
						"GET", ENVVARS, null, List.of(new EnvVar("A", "1", false))),
				new Exchange("envvars.retrieve", (client) -> client.envVars().retrieve("A"),
						"{\"name\":\"A\",\"value\":\"1\",\"isSecret\":true}", "GET", ENVVARS + "/A", null,
						new EnvVar("A", "1", true)),
				new Exchange("envvars.upload",
						(client) -> client.envVars()
							.upload(EnvVarUpload.builder().variable("A", "1").override(true).build())
							.thenReturn("done"),
						SUCCESS, "POST", ENVVARS + "/import", "{\"variables\":{\"A\":\"1\"},\"override\":true}",
						"done"),
				new Exchange("envvars.create",
						(client) -> client.envVars().create(CreateEnvVarRequest.secret("API_KEY", "s3cr3t"))
							.thenReturn("done"),
						SUCCESS, "POST", ENVVARS, "{\"name\":\"API_KEY\",\"value\":\"s3cr3t\",\"isSecret\":true}",
						"done"),
				new Exchange("envvars.update", (client) -> client.envVars().update("A", "2").thenReturn("done"),
						SUCCESS, "PUT", ENVVARS + "/A", "{\"value\":\"2\"}", "done"),
				new Exchange("envvars.del", (client) -> client.envVars().del("A").thenReturn("done"), SUCCESS,
						"DELETE", ENVVARS + "/A", null, "done"),
				new Exchange("envvars.list (preview target)",
						(client) -> client.envVars().list(EnvVarTarget.of(TriggerEnvironment.DEV)).collectList(), "[]",
						"GET", ENVVARS, null, List.of()),
				new Exchange("schedules.list", (client) -> client.schedules().listPage(2, 1).map((page) -> page.data()),
						"{\"data\":[" + SCHEDULE_JSON
								+ "],\"pagination\":{\"currentPage\":2,\"totalPages\":3,\"count\":3}}",
						"GET", "/api/v1/schedules?perPage=1&page=2", null, List.of(SCHEDULE)),
				new Exchange("schedules.create",
						(client) -> client.schedules()
							.create(CreateScheduleRequest.builder()
								.task("daily-report")
								.cron("0 8 * * *")
								.deduplicationKey("daily-report-org_42")
								.externalId("org_42")
								.build()),
						SCHEDULE_JSON, "POST", "/api/v1/schedules",
						"{\"task\":\"daily-report\",\"cron\":\"0 8 * * *\",\"deduplicationKey\":\"daily-report-org_42\","
								+ "\"externalId\":\"org_42\"}",
						SCHEDULE),
				new Exchange("schedules.retrieve", (client) -> client.schedules().retrieve("sched_1234"),
						SCHEDULE_JSON, "GET", "/api/v1/schedules/sched_1234", null, SCHEDULE),
				new Exchange("schedules.update",
						(client) -> client.schedules()
							.update("sched_1234",
									UpdateScheduleRequest.builder().task("daily-report").cron("0 9 * * *").build()),
						SCHEDULE_JSON, "PUT", "/api/v1/schedules/sched_1234",
						"{\"task\":\"daily-report\",\"cron\":\"0 9 * * *\"}", SCHEDULE),
				new Exchange("schedules.activate", (client) -> client.schedules().activate("sched_1234"),
						SCHEDULE_JSON, "POST", "/api/v1/schedules/sched_1234/activate", null, SCHEDULE),
				new Exchange("schedules.deactivate", (client) -> client.schedules().deactivate("sched_1234"),
						SCHEDULE_JSON, "POST", "/api/v1/schedules/sched_1234/deactivate", null, SCHEDULE),
				new Exchange("schedules.del", (client) -> client.schedules().del("sched_1234"),
						"{\"id\":\"sched_1234\"}", "DELETE", "/api/v1/schedules/sched_1234", null, "sched_1234"),
				new Exchange("schedules.timezones", (client) -> client.schedules().timezones(true),
						"{\"timezones\":[\"Europe/Paris\",\"Asia/Tokyo\"]}", "GET", "/api/v1/timezones?excludeUtc=true",
						null, List.of("Europe/Paris", "Asia/Tokyo")));
	}

	private static final RunSummary RUN_SUMMARY = new RunSummary("run_1234", RunStatus.COMPLETED, "process-order",
			null, null, false, false, false, true, true, false, false, false, Instant.parse("2026-11-27T10:00:00Z"),
			null, null, Instant.parse("2026-11-27T10:00:01.500Z"), null, null, null, List.of("vip"), 1.5, 0.5, 12,
			Map.of("progressPercent", 100), null);

	private static final Run RUN = new Run("run_1234", RunStatus.COMPLETED, "process-order", null, null, false, false,
			false, true, true, false, false, false, Instant.parse("2026-11-27T10:00:00Z"), null, null,
			Instant.parse("2026-11-27T10:00:01.500Z"), null, null, null, List.of("vip"), 1.5, 0.5, 12,
			Map.of("progressPercent", 100), 0, null, null,
			JsonMapper.builder().build().readTree("{\"orderId\":\"o-1\"}"), null,
			JsonMapper.builder().build().readTree("{\"shipped\":true}"), null, null, 1);

	private static final Schedule SCHEDULE = new Schedule("sched_1234", ScheduleType.IMPERATIVE, "daily-report", true,
			"daily-report-org_42", "org_42", new Schedule.Generator("CRON", "0 8 * * *", "At 08:00 AM"), "Europe/Paris",
			Instant.parse("2025-07-17T06:00:00Z"), List.of(new Schedule.Environment("env_dev1", "DEVELOPMENT", "ada")));

	private static String body(RecordedRequest request) {
		return (request.getBody() != null) ? request.getBody().string(StandardCharsets.UTF_8) : "";
	}

	/** A payload record, written by the application's mapper. */
	record Order(String orderId, int lineCount) {
	}

	/** A hostile serializer: every string upper-cased. */
	static final class Shouting extends ValueSerializer<String> {

		@Override
		public void serialize(String value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(value.toUpperCase());
		}

	}

	/**
	 * One logical call: the responses the API gives, the requests it must receive, in
	 * order, and the value the caller must get.
	 */
	record Exchange(String endpoint, Function<TriggerClient, Mono<?>> call, List<String> responses,
			List<String> requestLines, List<@Nullable String> requestBodies, Object expected) {

		Exchange(String endpoint, Function<TriggerClient, Mono<?>> call, String response, String method,
				String target, @Nullable String body, Object expected) {
			this(endpoint, call, List.of(response), List.of(method + " " + target),
					java.util.Collections.singletonList(body), expected);
		}

		void verify(AssertableApplicationContext context, MockTriggerApi api) throws IOException {
			this.responses.forEach((response) -> api.respond(200, response));
			Object actual = this.call.apply(context.getBean(TriggerClient.class)).block(TIMEOUT);
			assertThat(actual).as(this.endpoint + " decoded").isEqualTo(this.expected);
			for (int i = 0; i < this.requestLines.size(); i++) {
				RecordedRequest request = api.takeRequest();
				String target = java.net.URLDecoder.decode(request.getTarget(), StandardCharsets.UTF_8);
				assertThat(request.getMethod() + " " + target).as(this.endpoint + " request line")
					.isEqualTo(this.requestLines.get(i));
				String expectedBody = this.requestBodies.get(i);
				assertThat(body(request)).as(this.endpoint + " body").isEqualTo((expectedBody != null) ? expectedBody : "");
			}
		}

	}

}
