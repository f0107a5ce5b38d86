package io.github.triggerspring.envvars;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.triggerspring.testing.MockTriggerApi.PAT;
import static io.github.triggerspring.testing.MockTriggerApi.PREVIEW_KEY;
import static io.github.triggerspring.testing.MockTriggerApi.PROJECT_REF;
import static io.github.triggerspring.testing.MockTriggerApi.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EnvVarsClient}.
 *
 * @author trigger-spring-boot contributors
 */
class EnvVarsClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Longer than the 2 s default of {@link MockTriggerApi}, so that the first call of a cold
	 * JVM does not time out and retry against an empty response queue.
	 */

	private static final String BASE = "/api/v1/projects/" + PROJECT_REF + "/envvars/";

	private static final String SUCCESS = "{\"success\":true,\"requestId\":\"req_123\"}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private EnvVarsClient client(TriggerCredentials credentials) {
		return new EnvVarsClient(this.api.http(credentials));
	}

	@Test
	void listWithSecretKeyTargetsTheProjectRefAndTheKeysEnvironment() {
		this.api.respond(200, """
				[
				  {"name":"DATABASE_URL","value":"postgres://app@db:5432/app","isSecret":false,"createdAt":"2025-07-01T10:00:00.000Z"},
				  {"name":"STRIPE_SECRET","value":"","isSecret":true,"type":"secret"}
				]""");
		StepVerifier.create(client(MockTriggerApi.secretKey()).list())
			.expectNext(new EnvVar("DATABASE_URL", "postgres://app@db:5432/app", false))
			.expectNext(new EnvVar("STRIPE_SECRET", "", true))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest request = this.api.takeRequest();
		assertRequest(request, "GET", BASE + "dev", SECRET_KEY, null);
		assertThat(request.getBodySize()).isZero();
	}

	@Test
	void listWithAccessTokenTargetsTheConfiguredEnvironmentsPathSegment() {
		this.api.respond(200, "[]");
		StepVerifier.create(client(MockTriggerApi.pat(TriggerEnvironment.STAGING)).list())
			.expectComplete()
			.verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", BASE + "staging", PAT, null);
	}

	@Test
	void listWithAccessTokenTargetsTheCallsEnvironmentOverTheConfiguredOne() {
		this.api.respond(200, "[]");
		StepVerifier.create(client(MockTriggerApi.pat(TriggerEnvironment.DEV)).list(EnvVarTarget.of(TriggerEnvironment.PROD)))
			.expectComplete()
			.verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", BASE + "prod", PAT, null);
	}

	@Test
	void listWithBothCredentialsUsesTheSecretKey() {
		this.api.respond(200, "[]");
		StepVerifier.create(client(MockTriggerApi.both()).list()).expectComplete().verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", BASE + "dev", SECRET_KEY, null);
	}

	@Test
	void listWithAccessTokenAndNoEnvironmentIsRefusedNamingTriggerEnvironmentWithoutARequest() {
		EnvVarsClient client = client(TriggerCredentials.of(null, PAT, PROJECT_REF, null, null));
		StepVerifier.create(client.list())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TriggerValidationException.class)
				.hasMessageContaining("'envvars.list'")
				.hasMessageContaining("trigger.environment")
				.hasMessageContaining("TRIGGER_ENVIRONMENT"))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void callWithSecretKeyNamingAnotherEnvironmentIsRefusedWithoutARequest() {
		StepVerifier.create(client(MockTriggerApi.secretKey()).list(EnvVarTarget.of(TriggerEnvironment.PROD)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TriggerValidationException.class)
				.hasMessageContaining("'prod'")
				.hasMessageContaining("'dev'"))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void retrieveGetsTheVariableByName() {
		this.api.respond(200, "{\"name\":\"DATABASE_URL\",\"value\":\"postgres://db\",\"isSecret\":false,\"extra\":1}");
		StepVerifier.create(client(MockTriggerApi.secretKey()).retrieve("DATABASE_URL"))
			.expectNext(new EnvVar("DATABASE_URL", "postgres://db", false))
			.expectComplete()
			.verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", BASE + "dev/DATABASE_URL", SECRET_KEY, null);
	}

	@Test
	void retrieveSendsTheNameAsOneEncodedPathSegment() {
		this.api.respond(200, "{\"name\":\"A/B C\",\"value\":\"v\",\"isSecret\":false}");
		StepVerifier.create(client(MockTriggerApi.secretKey()).retrieve("A/B C"))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getTarget()).isEqualTo(BASE + "dev/A%2FB%20C");
	}

	@Test
	void retrieveOfAMissingVariableSignalsNotFoundWithoutRetrying() {
		this.api.respond(404, "{\"error\":\"Environment variable not found\"}");
		StepVerifier.create(client(MockTriggerApi.secretKey()).retrieve("MISSING"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TriggerNotFoundException.class)
				.satisfies((notFound) -> assertThat(((TriggerNotFoundException) notFound).getError())
					.isEqualTo("Environment variable not found")))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isOne();
	}

	@Test
	void createPostsNameValueAndSecrecy() {
		this.api.respond(200, SUCCESS);
		StepVerifier.create(client(MockTriggerApi.secretKey()).create(CreateEnvVarRequest.secret("API_KEY", "s3cr3t")))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest request = this.api.takeRequest();
		assertRequest(request, "POST", BASE + "dev", SECRET_KEY, null);
		assertJsonBody(request, "{\"name\":\"API_KEY\",\"value\":\"s3cr3t\",\"isSecret\":true}");
	}

	@Test
	void createWithoutSecrecyLeavesIsSecretOut() {
		this.api.respond(200, SUCCESS);
		StepVerifier.create(client(MockTriggerApi.pat(TriggerEnvironment.PROD)).create(CreateEnvVarRequest.of("REGION", "eu")))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest request = this.api.takeRequest();
		assertRequest(request, "POST", BASE + "prod", PAT, null);
		assertJsonBody(request, "{\"name\":\"REGION\",\"value\":\"eu\"}");
	}

	@Test
	void updatePutsTheNewValue() {
		this.api.respond(200, SUCCESS);
		StepVerifier.create(client(MockTriggerApi.secretKey()).update("REGION", "us"))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest request = this.api.takeRequest();
		assertRequest(request, "PUT", BASE + "dev/REGION", SECRET_KEY, null);
		assertJsonBody(request, "{\"value\":\"us\"}");
	}

	@Test
	void delDeletesTheVariableWithoutABody() {
		this.api.respond(200, SUCCESS);
		StepVerifier.create(client(MockTriggerApi.pat(TriggerEnvironment.STAGING)).del("REGION"))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest request = this.api.takeRequest();
		assertRequest(request, "DELETE", BASE + "staging/REGION", PAT, null);
		assertThat(request.getBodySize()).isZero();
	}

	@Test
	void uploadPostsEveryOptionToImport() {
		this.api.respond(200, SUCCESS);
		EnvVarUpload upload = EnvVarUpload.builder()
			.variable("A", "1")
			.variable("B", "two words")
			.override(true)
			.secret(false)
			.parentVariable("SHARED", "x")
			.build();
		StepVerifier.create(client(MockTriggerApi.secretKey()).upload(upload)).expectComplete().verify(TIMEOUT);
		RecordedRequest request = this.api.takeRequest();
		assertRequest(request, "POST", BASE + "dev/import", SECRET_KEY, null);
		assertJsonBody(request, """
				{"variables":{"A":"1","B":"two words"},"override":true,"isSecret":false,"parentVariables":{"SHARED":"x"}}""");
	}

	@Test
	void uploadWithOnlyVariablesSendsOnlyVariables() {
		this.api.respond(200, SUCCESS);
		EnvVarUpload upload = EnvVarUpload.fromDotEnv("A=1\nB=2\n").build();
		StepVerifier.create(client(MockTriggerApi.pat(TriggerEnvironment.DEV)).upload(upload))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest request = this.api.takeRequest();
		assertRequest(request, "POST", BASE + "dev/import", PAT, null);
		assertJsonBody(request, "{\"variables\":{\"A\":\"1\",\"B\":\"2\"}}");
	}

	@Test
	void changeAnsweredWithSuccessFalseSignalsAnUnexpectedResponse() {
		this.api.respond(200, "{\"success\":false}");
		StepVerifier.create(client(MockTriggerApi.secretKey()).del("REGION"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TriggerUnexpectedResponseException.class)
				.hasMessageContaining("'envvars.del'")
				.hasMessageContaining("success=false"))
			.verify(TIMEOUT);
	}

	@Test
	void accessTokenOnPreviewWithExplicitBranchSendsThatBranchOverTheConfiguredOne() {
		this.api.respond(200, "[]");
		EnvVarsClient client = client(TriggerCredentials.of(null, PAT, PROJECT_REF, TriggerEnvironment.DEV, "configured"));
		StepVerifier.create(client.list(EnvVarTarget.preview("feature-xyz"))).expectComplete().verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", BASE + "preview", PAT, "feature-xyz");
	}

	@Test
	void accessTokenOnConfiguredPreviewSendsTheConfiguredBranch() {
		this.api.respond(200, SUCCESS);
		EnvVarsClient client = client(
				TriggerCredentials.of(null, PAT, PROJECT_REF, TriggerEnvironment.PREVIEW, "configured"));
		StepVerifier.create(client.update("REGION", "eu")).expectComplete().verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "PUT", BASE + "preview/REGION", PAT, "configured");
	}

	@Test
	void accessTokenOnProdSendsNoBranchEvenWhenOneIsConfigured() {
		this.api.respond(200, "[]");
		EnvVarsClient client = client(TriggerCredentials.of(null, PAT, PROJECT_REF, TriggerEnvironment.PROD, "configured"));
		StepVerifier.create(client.list()).expectComplete().verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", BASE + "prod", PAT, null);
	}

	@Test
	void previewSecretKeySendsTheConfiguredBranch() {
		this.api.respond(200, SUCCESS);
		EnvVarsClient client = client(TriggerCredentials.of(PREVIEW_KEY, null, PROJECT_REF, null, "configured"));
		StepVerifier.create(client.create(CreateEnvVarRequest.of("A", "1"))).expectComplete().verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "POST", BASE + "preview", PREVIEW_KEY, "configured");
	}

	@Test
	void previewSecretKeyWithExplicitBranchSendsThatBranch() {
		this.api.respond(200, SUCCESS);
		EnvVarsClient client = client(TriggerCredentials.of(PREVIEW_KEY, null, PROJECT_REF, null, "configured"));
		StepVerifier.create(client.upload(EnvVarUpload.builder().variable("A", "1").build(),
				EnvVarTarget.preview("feature-xyz")))
			.expectComplete()
			.verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "POST", BASE + "preview/import", PREVIEW_KEY, "feature-xyz");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidCalls")
	void invalidCallIsRefusedNamingTheFieldWithoutARequest(String description,
			Function<EnvVarsClient, Publisher<?>> call, String field, String rule) {
		StepVerifier.create(call.apply(client(MockTriggerApi.secretKey())))
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
		EnvVarTarget blankBranch = new EnvVarTarget(TriggerEnvironment.DEV, " ");
		return Stream.of(
				invalid("retrieve with a blank name", (client) -> client.retrieve(" "), "name", "must not be blank"),
				invalid("update with a blank name", (client) -> client.update("", "v"), "name", "must not be blank"),
				invalid("del with a blank name", (client) -> client.del(" \t"), "name", "must not be blank"),
				invalid("create with a blank name", (client) -> client.create(CreateEnvVarRequest.of(" ", "v")), "name",
						"must not be blank"),
				invalid("create with a blank value", (client) -> client.create(CreateEnvVarRequest.of("A", " ")),
						"value", "must not be blank"),
				invalid("update with a blank value", (client) -> client.update("A", ""), "value", "must not be blank"),
				invalid("upload without variables", (client) -> client.upload(EnvVarUpload.builder().override(true).build()),
						"variables", "at least one variable"),
				invalid("upload with a blank variable name",
						(client) -> client.upload(EnvVarUpload.builder().variable(" ", "v").build()), "variables",
						"blank name"),
				invalid("upload with a blank parent variable name",
						(client) -> client.upload(EnvVarUpload.builder().variable("A", "v").parentVariable("", "v").build()),
						"parentVariables", "blank name"),
				invalid("a target with a blank branch", (client) -> client.list(blankBranch), "branch",
						"must not be blank"));
	}

	private static Arguments invalid(String description, Function<EnvVarsClient, Publisher<?>> call, String field,
			String rule) {
		return Arguments.of(description, call, field, rule);
	}

	private static void assertRequest(RecordedRequest request, String method, String target, String token,
			String branch) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getTarget()).isEqualTo(target);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
		assertThat(request.getHeaders().get("x-trigger-api-version")).isEqualTo("2025-07-16");
		assertThat(request.getHeaders().get("x-trigger-realtime-streams-version")).isEqualTo("v2");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("x-trigger-branch")).isEqualTo(branch);
	}

	private static void assertJsonBody(RecordedRequest request, String expectedJson) {
		JsonNode actual = JSON.readTree(request.getBody().utf8());
		assertThat(actual).isEqualTo(JSON.readTree(expectedJson));
	}

}
