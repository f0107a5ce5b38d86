package io.github.triggerspring.internal.realtime;

import java.time.Instant;

import io.github.triggerspring.realtime.RealtimeRun;
import io.github.triggerspring.runs.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RealtimeRows}: the decoding of both backends' encodings.
 *
 * @author trigger-spring-boot contributors
 */
class RealtimeRowsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "PENDING, QUEUED", "PENDING_VERSION, PENDING_VERSION", "WAITING_FOR_DEPLOY, PENDING_VERSION",
			"WAITING_TO_RESUME, WAITING", "PAUSED, WAITING", "EXECUTING, EXECUTING",
			"RETRYING_AFTER_FAILURE, EXECUTING", "COMPLETED_SUCCESSFULLY, COMPLETED", "COMPLETED_WITH_ERRORS, FAILED",
			"INTERRUPTED, FAILED", "DELAYED, DELAYED", "DEQUEUED, DEQUEUED", "CANCELED, CANCELED",
			"CRASHED, CRASHED", "SYSTEM_FAILURE, SYSTEM_FAILURE", "EXPIRED, EXPIRED", "TIMED_OUT, TIMED_OUT",
			"SOMETHING_NEW, QUEUED" })
	void internalStatusesMapAsTheSdkMapsThem(String internal, RunStatus status) {
		assertThat(RealtimeRows.status(internal)).isEqualTo(status);
	}

	@Test
	void textArraysReadAsPostgresLiteralsOrJsonArrays() {
		JsonNode row = json.readTree("""
				{"a":"{a,\\"b c\\",\\"q\\\\\\"x\\",NULL,\\"NULL\\"}","b":"{}","c":null,"d":["x",null,"y"]}""");
		assertThat(RealtimeRows.array(row, "a")).containsExactly("a", "b c", "q\"x", "NULL");
		assertThat(RealtimeRows.array(row, "b")).isEmpty();
		assertThat(RealtimeRows.array(row, "c")).isEmpty();
		assertThat(RealtimeRows.array(row, "d")).containsExactly("x", "y");
	}

	@Test
	void electricAndNativeEncodingsOfARowReadTheSame() {
		RealtimeRun electric = RealtimeRows.run(json.readTree("""
				{"id":"cm1","friendlyId":"run_1","taskIdentifier":"t","status":"EXECUTING",
				"createdAt":"2025-01-01 10:00:00","isTest":"true","number":"4","usageDurationMs":"1500",
				"costInCents":"0.5","payloadType":"text/plain","payload":"hello","outputType":"application/store",
				"output":"run_1/output.json","metadataType":"application/json","metadata":"{\\"p\\":1}",
				"error":"{\\"message\\":\\"x\\"}"}"""));
		RealtimeRun nativeRow = RealtimeRows.run(json.readTree("""
				{"id":"cm1","friendlyId":"run_1","taskIdentifier":"t","status":"EXECUTING",
				"createdAt":"2025-01-01T10:00:00.000","isTest":"t","number":4,"usageDurationMs":1500,
				"costInCents":0.5,"payloadType":"text/plain","payload":"hello","outputType":"application/store",
				"output":"run_1/output.json","metadataType":"application/json","metadata":"{\\"p\\":1}",
				"error":{"message":"x"}}"""));
		assertThat(nativeRow).isEqualTo(electric);
		assertThat(electric.createdAt()).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
		assertThat(electric.isTest()).isTrue();
		assertThat(electric.number()).isEqualTo(4);
		assertThat(electric.durationMs()).isEqualTo(1500);
		assertThat(electric.payload().stringValue()).isEqualTo("hello");
		assertThat(electric.output()).isNull();
		assertThat(electric.metadata().get("p").intValue()).isEqualTo(1);
		assertThat(electric.error().get("message").stringValue()).isEqualTo("x");
		assertThat(electric.tags()).isEmpty();
		assertThat(electric.isExecuting()).isTrue();
		assertThat(electric.isFinished()).isFalse();
	}

}
