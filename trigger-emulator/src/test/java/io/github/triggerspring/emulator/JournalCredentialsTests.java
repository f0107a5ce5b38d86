package io.github.triggerspring.emulator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal never shows a full credential.
 *
 * @author trigger-spring-boot contributors
 */
class JournalCredentialsTests extends EmulatorTestSupport {

	@Test
	void authorizationHeadersAreMaskedToTheirKnownPrefix() {
		get("/api/v1/runs", DEV);
		get("/api/v1/runs", STG);
		get("/api/v1/runs", PROD);
		get("/api/v1/runs", PREVIEW, "x-trigger-branch", EmulatorAccount.PREVIEW_BRANCH);
		get("/api/v1/projects/" + PROJECT + "/envvars/dev", PAT);
		get("/api/v1/projects/" + PROJECT + "/envvars/dev", OAT);
		get("/api/v1/runs", "garbage-token");
		get("/api/v1/timezones", null);
		assertThat(emulator.journal().requests()).extracting((request) -> request.header("Authorization").orElse(null))
			.containsExactly("Bearer tr_dev_…", "Bearer tr_stg_…", "Bearer tr_prod_…", "Bearer tr_preview_…",
					"Bearer tr_pat_…", "Bearer tr_oat_…", "Bearer …", null);
		assertThat(emulator.journal().requests()).extracting(RecordedRequest::responseStatus)
			.containsExactly(200, 200, 200, 200, 200, 200, 401, 200);
	}

	@Test
	void noExposedFormOfARequestContainsTheCredential() {
		post("/api/v1/tasks/a/trigger", DEV, "{\"payload\":1}");
		RecordedRequest request = emulator.journal().last();
		assertThat(request.header("authorization")).hasValue("Bearer tr_dev_…");
		assertThat(request.headers().get("AUTHORIZATION")).containsExactly("Bearer tr_dev_…");
		List<String> exposed = List.of(request.headers().toString(), request.toString(),
				emulator.journal().requests().toString(), emulator.journal().triggers().toString(),
				emulator.journal().triggers().get(0).request().headers().toString());
		for (String text : exposed) {
			assertThat(text).doesNotContain("EmulatorDevSecretKey0001").doesNotContain("emupat123456789");
		}
	}

	@Test
	void hasCredentialTellsCredentialsOfTheSameKindApart() {
		String otherDevKey = emulator.addProject("proj_other").secretKey(EmulatedEnvironment.DEV);
		get("/api/v1/runs", DEV);
		get("/api/v1/runs", otherDevKey);
		get("/api/v1/timezones", null);
		List<RecordedRequest> requests = emulator.journal().requests();
		assertThat(requests.get(0).header("Authorization")).isEqualTo(requests.get(1).header("Authorization"));
		assertThat(requests.get(0).hasCredential(DEV)).isTrue();
		assertThat(requests.get(0).hasCredential(otherDevKey)).isFalse();
		assertThat(requests.get(1).hasCredential(otherDevKey)).isTrue();
		assertThat(requests.get(1).hasCredential(DEV)).isFalse();
		assertThat(requests.get(2).hasCredential(DEV)).isFalse();
		assertThat(requests.get(0).hasCredential(null)).isFalse();
	}

}
