package io.github.triggerspring.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the environment variables of the official SDK configure the starter with no
 * application configuration at all. Each case starts a child JVM with real environment
 * variables.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerEnvironmentVariablesTests {

	@Test
	void bindsSecretKeyProjectRefPreviewBranchAndApiUrl() throws Exception {
		String output = runProbe(Map.of("TRIGGER_SECRET_KEY", "tr_preview_envkey0000000000000000", "TRIGGER_PROJECT_REF",
				"proj_fromenv", "TRIGGER_PREVIEW_BRANCH", "feature-env", "TRIGGER_API_URL", "http://localhost:1234/"));
		assertThat(output).contains("probe.secretKey=tr_preview_envkey0000000000000000\n")
			.contains("probe.projectRef=proj_fromenv\n")
			.contains("probe.previewBranch=feature-env\n")
			.contains("probe.apiUrl=http://localhost:1234/\n")
			.contains("probe.personalAccessToken=null\n");
	}

	@Test
	void bindsTheSdksAccessTokenVariableAndTheEnvironment() throws Exception {
		String output = runProbe(Map.of("TRIGGER_ACCESS_TOKEN", "tr_pat_fromaccesstoken", "TRIGGER_PROJECT_REF",
				"proj_fromenv", "TRIGGER_ENVIRONMENT", "staging"));
		assertThat(output).contains("probe.personalAccessToken=tr_pat_fromaccesstoken\n")
			.contains("probe.environment=STAGING\n")
			.contains("probe.secretKey=null\n")
			.contains("probe.credentials=TriggerCredentials[secretKey=none, personalAccessToken=tr_pat_…, "
					+ "projectRef=proj_fromenv, environment=STAGING, previewBranch=null]");
	}

	@Test
	void bindsThePersonalAccessTokenVariableWhichWinsOverTheSdksName() throws Exception {
		String output = runProbe(Map.of("TRIGGER_PERSONAL_ACCESS_TOKEN", "tr_pat_frompersonal", "TRIGGER_ACCESS_TOKEN",
				"tr_pat_fromaccesstoken", "TRIGGER_PROJECT_REF", "proj_fromenv"));
		assertThat(output).contains("probe.personalAccessToken=tr_pat_frompersonal\n");
	}

	@Test
	void accessTokenVariableWinsOverApplicationConfigurationButNotOverCommandLine(@TempDir Path directory)
			throws Exception {
		Path configuration = Files.writeString(directory.resolve("application.properties"),
				"trigger.personal-access-token=tr_pat_fromfile\n");
		String output = runProbe(Map.of("TRIGGER_ACCESS_TOKEN", "tr_pat_fromaccesstoken", "TRIGGER_PROJECT_REF",
				"proj_fromenv"), "--spring.config.additional-location=file:" + configuration);
		assertThat(output).contains("probe.personalAccessToken=tr_pat_fromaccesstoken\n");
		String fromFile = runProbe(Map.of("TRIGGER_PROJECT_REF", "proj_fromenv"),
				"--spring.config.additional-location=file:" + configuration);
		assertThat(fromFile).contains("probe.personalAccessToken=tr_pat_fromfile\n");
		String overridden = runProbe(Map.of("TRIGGER_ACCESS_TOKEN", "tr_pat_fromaccesstoken", "TRIGGER_PROJECT_REF",
				"proj_fromenv"), "--trigger.personal-access-token=tr_pat_fromcommandline");
		assertThat(overridden).contains("probe.personalAccessToken=tr_pat_fromcommandline\n");
	}

	private static String runProbe(Map<String, String> environment, String... args)
			throws IOException, InterruptedException {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				EnvironmentVariablesProbe.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("TRIGGER_") || name.startsWith("SPRING_"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getOutputStream().close();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("The probe did not finish within 90 seconds");
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
