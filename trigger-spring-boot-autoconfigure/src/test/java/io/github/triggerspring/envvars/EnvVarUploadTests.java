package io.github.triggerspring.envvars;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.triggerspring.error.TriggerValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EnvVarUpload}.
 *
 * @author trigger-spring-boot contributors
 */
class EnvVarUploadTests {

	@Test
	void fromDotEnvReadsAssignmentsSkippingBlankLinesAndComments() {
		EnvVarUpload upload = EnvVarUpload.fromDotEnv("""
				# database
				DATABASE_URL=postgres://app@db:5432/app

				  REGION = eu-west-1  \r
				EMPTY=
				""").build();
		assertThat(upload.variables()).containsExactly(Map.entry("DATABASE_URL", "postgres://app@db:5432/app"),
				Map.entry("REGION", "eu-west-1"), Map.entry("EMPTY", ""));
	}

	@Test
	void fromDotEnvStripsExportAndInlineCommentsOfUnquotedValues() {
		EnvVarUpload upload = EnvVarUpload.fromDotEnv("export TOKEN=abc # the token\nCOLOR=red#not-a-comment\n")
			.build();
		assertThat(upload.variables()).containsExactly(Map.entry("TOKEN", "abc"),
				Map.entry("COLOR", "red#not-a-comment"));
	}

	@Test
	void fromDotEnvTakesSingleQuotedValuesLiterally() {
		EnvVarUpload upload = EnvVarUpload.fromDotEnv("A='x # y \\n z' # comment").build();
		assertThat(upload.variables()).containsExactly(Map.entry("A", "x # y \\n z"));
	}

	@Test
	void fromDotEnvUnescapesDoubleQuotedValuesThatMaySpanLines() {
		EnvVarUpload upload = EnvVarUpload.fromDotEnv("""
				GREETING="say \\"hi\\"\\tthen\\nbye\\\\"
				PEM="-----BEGIN KEY-----
				abc
				-----END KEY-----"
				NEXT=1
				""").build();
		assertThat(upload.variables()).containsExactly(Map.entry("GREETING", "say \"hi\"\tthen\nbye\\"),
				Map.entry("PEM", "-----BEGIN KEY-----\nabc\n-----END KEY-----"), Map.entry("NEXT", "1"));
	}

	@Test
	void fromDotEnvLetsALaterLineWinOverAnEarlierOne() {
		assertThat(EnvVarUpload.fromDotEnv("A=1\nA=2").build().variables()).containsExactly(Map.entry("A", "2"));
	}

	@Test
	void fromDotEnvRefusesALineWithoutAssignmentNamingTheLine() {
		assertThatExceptionOfType(TriggerValidationException.class)
			.isThrownBy(() -> EnvVarUpload.fromDotEnv("A=1\nsecret-value-without-name"))
			.withMessage("Invalid 'dotEnv': line 2 is not a NAME=VALUE assignment. "
					+ "Write it as NAME=VALUE, or start it with # to make it a comment.")
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("dotEnv"));
	}

	@Test
	void fromDotEnvRefusesAnInvalidName() {
		assertThatExceptionOfType(TriggerValidationException.class)
			.isThrownBy(() -> EnvVarUpload.fromDotEnv("1ST=x"))
			.withMessageContaining("line 1 has an invalid name")
			.withMessageContaining("letters, digits and underscores");
	}

	@Test
	void fromDotEnvRefusesAnUnclosedQuoteWithoutShowingTheValue() {
		assertThatExceptionOfType(TriggerValidationException.class)
			.isThrownBy(() -> EnvVarUpload.fromDotEnv("OK=1\nKEY=\"hunter2\nmore"))
			.withMessageContaining("the value of KEY (line 2) opens a \" quote that is never closed")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void fromDotEnvRefusesTextAfterTheClosingQuote() {
		assertThatExceptionOfType(TriggerValidationException.class)
			.isThrownBy(() -> EnvVarUpload.fromDotEnv("KEY='hunter2'trailing"))
			.withMessageContaining("the value of KEY (line 1) has text after its closing quote")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void fromDotEnvStartsABuilderThatTakesOptions() {
		EnvVarUpload upload = EnvVarUpload.fromDotEnv("A=1").override(true).secret(true).variable("B", "2").build();
		assertThat(upload).isEqualTo(new EnvVarUpload(Map.of("A", "1", "B", "2"), true, true, null));
	}

	@Test
	void uploadCopiesItsMaps() {
		Map<String, String> variables = new LinkedHashMap<>(Map.of("A", "1"));
		EnvVarUpload upload = new EnvVarUpload(variables, null, null, variables);
		variables.put("B", "2");
		assertThat(upload.variables()).containsOnlyKeys("A");
		assertThat(upload.parentVariables()).containsOnlyKeys("A");
	}

	@Test
	void toStringShowsNamesButNoValues() {
		EnvVarUpload upload = EnvVarUpload.builder()
			.variable("API_KEY", "hunter2")
			.parentVariable("PARENT", "s3cr3t")
			.override(true)
			.build();
		assertThat(upload).hasToString(
				"EnvVarUpload[variables=[API_KEY], override=true, isSecret=null, parentVariables=[PARENT]]");
	}

}
