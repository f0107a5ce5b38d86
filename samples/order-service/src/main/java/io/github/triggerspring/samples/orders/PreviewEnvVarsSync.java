package io.github.triggerspring.samples.orders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.github.triggerspring.envvars.EnvVarTarget;
import io.github.triggerspring.envvars.EnvVarUpload;
import io.github.triggerspring.envvars.EnvVarsClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * Keeps the env vars of a preview branch in sync with a {@code .env} file.
 *
 * @author trigger-spring-boot contributors
 */
@Service
public class PreviewEnvVarsSync {

	private final EnvVarsClient envVars;

	private final SampleProperties.PreviewEnv previewEnv;

	public PreviewEnvVarsSync(EnvVarsClient envVars, SampleProperties properties) {
		this.envVars = envVars;
		this.previewEnv = properties.previewEnv();
	}

	/**
	 * Uploads every variable of the file to the preview branch, overriding existing values.
	 * @return the names of the variables now set on the branch
	 */
	public Mono<java.util.List<String>> sync() {
		EnvVarTarget target = EnvVarTarget.preview(this.previewEnv.branch());
		return Mono.fromCallable(this::readFile)
			.subscribeOn(Schedulers.boundedElastic())
			.map((text) -> EnvVarUpload.fromDotEnv(text).override(true).build())
			.flatMap((upload) -> this.envVars.upload(upload, target)
				.then(this.envVars.list(target).map((variable) -> variable.name()).sort().collectList()));
	}

	private String readFile() throws IOException {
		try (InputStream input = this.previewEnv.file().getInputStream()) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
