package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public access tokens: the {@code auth.*} routes, the tokens of trigger, batch and
 * waitpoint responses, and the routes that accept a token, verified here with the JDK
 * alone.
 *
 * @author trigger-spring-boot contributors
 */
class PublicTokensTests extends EmulatorTestSupport {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	@BeforeEach
	void fixClock() {
		emulator.clock().setInstant(NOW);
	}

	static boolean verifies(String token, String key) {
		String[] parts = token.split("\\.");
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode payload(String token) {
		return Json.parse(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

	private String mint(String key, String body) {
		Response response = post("/api/v1/auth/public-tokens", key, body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("token").asString();
	}

	@Test
	void claimsNameTheKeysEnvironmentOrThePreviewBranch() {
		Response claims = post("/api/v1/auth/jwt/claims", DEV, null);
		assertThat(claims.status()).isEqualTo(200);
		assertThat(claims.json().get("sub").asString()).matches("env_[a-z0-9]{24}");
		assertThat(claims.json().get("pub").asBoolean()).isTrue();
		String branch = post("/api/v1/auth/jwt/claims", PREVIEW, null, "x-trigger-branch",
				EmulatorAccount.PREVIEW_BRANCH).json().get("sub").asString();
		String other = post("/api/v1/auth/jwt/claims", STG, null).json().get("sub").asString();
		assertThat(branch).isNotEqualTo(claims.json().get("sub").asString()).isNotEqualTo(other);
		assertThat(post("/api/v1/auth/jwt/claims", PAT, null).status()).isEqualTo(401);
		assertThat(emulator.journal().requests()).extracting(RecordedRequest::endpointId).contains("auth.jwtClaims");
	}

	@Test
	void triggerAndBatchResponsesCarryATokenSignedWithTheEnvironmentsKey() {
		Response triggered = post("/api/v1/tasks/send-email/trigger", DEV, "{\"payload\":1}");
		String runId = triggered.json().get("id").asString();
		String token = triggered.header("x-trigger-jwt");
		assertThat(verifies(token, DEV)).isTrue();
		assertThat(verifies(token, PROD)).isFalse();
		JsonNode payload = payload(token);
		assertThat(payload.get("sub").asString()).isEqualTo(Json.parse(triggered.header("x-trigger-jwt-claims"))
			.get("sub")
			.asString());
		assertThat(payload.get("scopes").valueStream().map(JsonNode::asString)).containsExactly("read:runs:" + runId,
				"write:inputStreams:" + runId);
		assertThat(payload.get("iss").asString()).isEqualTo("https://id.trigger.dev");
		assertThat(payload.get("aud").asString()).isEqualTo("https://api.trigger.dev");
		assertThat(payload.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 3600);
		assertThat(get("/api/v3/runs/" + runId, token).status()).isEqualTo(200);
		Response batch = post("/api/v3/batches", PREVIEW, "{\"runCount\":1}", "x-trigger-branch",
				EmulatorAccount.PREVIEW_BRANCH);
		assertThat(verifies(batch.header("x-trigger-jwt"), PREVIEW)).isTrue();
		assertThat(payload(batch.header("x-trigger-jwt")).get("scopes").get(0).asString())
			.isEqualTo("read:batch:" + batch.json().get("id").asString());
	}

	@Test
	void serverMintedTokenHasTheRequestedClaimsAndExpiry() {
		String token = mint(DEV, "{\"scopes\":[\"read:runs\"],\"expirationTime\":\"2 hours\",\"oneTimeUse\":true,"
				+ "\"realtime\":{\"skipColumns\":[\"payload\"]}}");
		assertThat(verifies(token, DEV)).isTrue();
		JsonNode payload = payload(token);
		assertThat(payload.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 7200);
		assertThat(payload.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
		assertThat(payload.get("otu").asBoolean()).isTrue();
		assertThat(payload.get("realtime").toString()).isEqualTo("{\"skipColumns\":[\"payload\"]}");
		assertThat(payload(mint(DEV, "{\"scopes\":[\"read:runs\"]}")).get("exp").asLong())
			.isEqualTo(NOW.getEpochSecond() + 900);
		assertThat(post("/api/v1/auth/public-tokens", DEV, "{\"scopes\":[]}").status()).isEqualTo(400);
		assertThat(post("/api/v1/auth/public-tokens", DEV, "{\"scopes\":[\"read:runs\"],\"expirationTime\":\"31d\"}")
			.error()).isEqualTo("expirationTime must be at most 30 days in the future");
		assertThat(post("/api/v1/auth/public-tokens", DEV,
				"{\"scopes\":[\"read:runs\"],\"expirationTime\":" + (NOW.getEpochSecond() - 1) + "}")
			.error()).isEqualTo("expirationTime must be in the future");
	}

	@Test
	void restrictedKeyIsDeniedTheScopesItMayNotGrant() {
		String key = "tr_dev_sk_abcdefghijklmnopqrstuvwx";
		emulator.addSecretKey(PROJECT, EmulatedEnvironment.DEV, key).restrictSecretKey(key, "read:runs");
		assertThat(verifies(mint(key, "{\"scopes\":[\"read:runs:run_1\"]}"), DEV)).isTrue();
		Response denied = post("/api/v1/auth/public-tokens", key,
				"{\"scopes\":[\"read:runs\",\"write:waitpoints\",\"read:all\"]}");
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.json().get("code").asString()).isEqualTo("scopes_exceed_key_access");
		assertThat(denied.json().get("deniedScopes").valueStream().map(JsonNode::asString))
			.containsExactly("write:waitpoints", "read:all");
	}

	@Test
	void tokenReachesOnlyWhatItsScopesAllow() {
		String runId = trigger("send-email");
		String other = trigger("send-email");
		String read = mint(DEV, "{\"scopes\":[\"read:runs:" + runId + "\"]}");
		assertThat(get("/api/v3/runs/" + runId, read).status()).isEqualTo(200);
		Response forbidden = get("/api/v3/runs/" + other, read);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.error()).isEqualTo("Unauthorized: Public Access Token is missing required permissions. "
				+ "Token has the following permissions: 'read:runs:" + runId + "'. See "
				+ "https://trigger.dev/docs/frontend/overview#authentication for more information.");
		assertThat(forbidden.header("x-should-retry")).isNull();
		assertThat(get("/api/v1/runs", read).status()).isEqualTo(403);
		assertThat(get("/api/v1/runs", mint(DEV, "{\"scopes\":[\"read:runs\"]}")).status()).isEqualTo(200);
		Response cancel = post("/api/v2/runs/" + runId + "/cancel", read, null);
		assertThat(cancel.status()).isEqualTo(401);
		assertThat(cancel.error()).isEqualTo("Public Access Tokens are not allowed for this request");
		assertThat(post("/api/v1/auth/jwt/claims", read, null).status()).isEqualTo(401);
		assertThat(get("/api/v3/runs/" + runId, mint(STG, "{\"scopes\":[\"admin\"]}")).status()).isEqualTo(404);
	}

	@Test
	void tamperedOrExpiredTokensAreRefused() {
		String runId = trigger("send-email");
		String token = mint(DEV, "{\"scopes\":[\"read:runs\"],\"expirationTime\":\"1m\"}");
		String[] parts = token.split("\\.");
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(Json.write(payload(token).deepCopy()).replace("read:runs", "admin")
				.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
		assertThat(get("/api/v3/runs/" + runId, forged).error()).isEqualTo("Invalid Public Access Token");
		emulator.clock().advance(Duration.ofMinutes(1));
		Response expired = get("/api/v3/runs/" + runId, token);
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.error()).isEqualTo("Public Access Token has expired");
	}

	@Test
	void oneTimeTriggerTokenTriggersItsTaskOnce() {
		String token = mint(DEV, "{\"scopes\":[\"trigger:tasks:send-email\"],\"oneTimeUse\":true}");
		assertThat(post("/api/v1/tasks/other/trigger", token, "{\"payload\":1}").status()).isEqualTo(403);
		String fresh = mint(DEV, "{\"scopes\":[\"trigger:tasks:send-email\"],\"oneTimeUse\":true,\"expirationTime\":\"5m\"}");
		Response first = post("/api/v1/tasks/send-email/trigger", fresh, "{\"payload\":1}");
		assertThat(first.status()).isEqualTo(200);
		Response again = post("/api/v1/tasks/send-email/trigger", fresh, "{\"payload\":1}");
		assertThat(again.status()).isEqualTo(401);
		assertThat(again.error()).isEqualTo("One-time use token has already been used");
	}

	@Test
	void batchTokenCreatesAndFillsABatchOfItsTasks() {
		String token = mint(DEV, "{\"scopes\":[\"batchTrigger:tasks:a\"]}");
		assertThat(post("/api/v3/batches", token, "{\"runCount\":1,\"taskIdentifiers\":[\"b\"]}").status())
			.isEqualTo(403);
		Response created = post("/api/v3/batches", token, "{\"runCount\":1,\"taskIdentifiers\":[\"a\"]}");
		assertThat(created.status()).isEqualTo(202);
		String batchId = created.json().get("id").asString();
		Response items = call("POST", "/api/v3/batches/" + batchId + "/items", token, "application/x-ndjson",
				"{\"index\":0,\"task\":\"a\",\"payload\":1}\n");
		assertThat(items.status()).isEqualTo(200);
		assertThat(get("/api/v2/batches/" + batchId, created.header("x-trigger-jwt")).status()).isEqualTo(200);
		assertThat(get("/api/v2/batches/" + batchId, token).status()).isEqualTo(403);
	}

	@Test
	void createdWaitpointCarriesATokenThatCompletesOnlyItForADay() {
		Response created = post("/api/v1/waitpoints/tokens", DEV, "{}");
		String waitpointId = created.json().get("id").asString();
		String token = created.header("x-trigger-jwt");
		assertThat(verifies(token, DEV)).isTrue();
		assertThat(payload(token).get("scopes").valueStream().map(JsonNode::asString))
			.containsExactly("write:waitpoints:" + waitpointId);
		assertThat(payload(token).get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 24 * 3600);
		assertThat(Json.parse(created.header("x-trigger-jwt-claims")).get("sub").asString())
			.isEqualTo(payload(token).get("sub").asString());
		String other = post("/api/v1/waitpoints/tokens", DEV, "{}").json().get("id").asString();
		Response forbidden = post("/api/v1/waitpoints/tokens/" + other + "/complete", token, "{\"data\":1}");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.error()).startsWith("Unauthorized: Public Access Token is missing required permissions.");
		assertThat(post("/api/v1/waitpoints/tokens/" + waitpointId + "/complete", token, "{\"data\":1}").status())
			.isEqualTo(200);
		assertThat(get("/api/v1/waitpoints/tokens/" + waitpointId, DEV).json().get("status").asString())
			.isEqualTo("COMPLETED");
		assertThat(post("/api/v1/waitpoints/tokens/" + other + "/complete",
				mint(DEV, "{\"scopes\":[\"write:waitpoints\"]}"), "{}").status()).isEqualTo(200);
		assertThat(get("/api/v1/waitpoints/tokens/" + waitpointId, token).status()).isEqualTo(401);
	}

	@Test
	void realtimeRoutesAcceptATokenThatMayReadTheRunsTagsOrBatch() {
		String runId = trigger("send-email", "{\"payload\":{\"n\":1},\"options\":{\"tags\":[\"vip\"]}}");
		String run = "/realtime/v1/runs/" + runId + "?log=full&offset=-1";
		for (String scope : new String[] { "read:runs:" + runId, "read:tags:vip", "read:tasks:send-email",
				"read:all" }) {
			assertThat(get(run, mint(DEV, "{\"scopes\":[\"" + scope + "\"]}")).status()).as(scope).isEqualTo(200);
		}
		assertThat(get(run, mint(DEV, "{\"scopes\":[\"read:runs:run_other\",\"read:tags:other\"]}")).status())
			.isEqualTo(403);
		String tags = "/realtime/v1/runs?log=full&offset=-1&tags=vip";
		assertThat(get(tags, mint(DEV, "{\"scopes\":[\"read:tags:vip\"]}")).status()).isEqualTo(200);
		assertThat(get(tags, mint(DEV, "{\"scopes\":[\"read:runs\"]}")).status()).isEqualTo(200);
		assertThat(get(tags, mint(DEV, "{\"scopes\":[\"read:tags:other\",\"read:runs:" + runId + "\"]}")).status())
			.isEqualTo(403);
		String batchId = post("/api/v3/batches", DEV, "{\"runCount\":1}").json().get("id").asString();
		String batch = "/realtime/v1/batches/" + batchId + "?log=full&offset=-1";
		assertThat(get(batch, mint(DEV, "{\"scopes\":[\"read:batch:" + batchId + "\"]}")).status()).isEqualTo(200);
		assertThat(get(batch, mint(DEV, "{\"scopes\":[\"read:batch:batch_other\"]}")).status()).isEqualTo(403);
	}

	@Test
	void tokensRealtimeSkipColumnsClaimReplacesTheParameter() {
		String runId = trigger("send-email");
		String token = mint(DEV, "{\"scopes\":[\"read:runs\"],\"realtime\":{\"skipColumns\":[\"payload\"]}}");
		JsonNode row = get("/realtime/v1/runs/" + runId + "?log=full&offset=-1&skipColumns=isTest", token).json()
			.get(0)
			.get("value");
		assertThat(row.has("payload")).isFalse();
		assertThat(row.has("isTest")).isTrue();
		JsonNode keyRow = get("/realtime/v1/runs/" + runId + "?log=full&offset=-1&skipColumns=isTest", DEV).json()
			.get(0)
			.get("value");
		assertThat(keyRow.has("payload")).isTrue();
		assertThat(keyRow.has("isTest")).isFalse();
	}

}
