package io.github.triggerspring.envvars;

import java.util.List;
import java.util.function.Function;

import io.github.triggerspring.auth.CallAuthorization;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Client for {@code envvars.*}: list, retrieve, create, update, delete and upload a project's environment variables.
 * <p>
 * Every call goes to {@code /api/v1/projects/{projectRef}/envvars/{env}}, with
 * {@code trigger.project-ref} as the project. With a secret key the environment is the
 * key's own; with a personal access token it is the call's {@link EnvVarTarget}, else
 * {@code trigger.environment}. The methods without a target use the configured
 * environment and preview branch.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class EnvVarsClient {

	private static final String ENVIRONMENT_PATH = "/api/v1/projects/{projectRef}/envvars/{env}";

	private static final String VARIABLE_PATH = ENVIRONMENT_PATH + "/{name}";

	private static final String IMPORT_PATH = ENVIRONMENT_PATH + "/import";

	private static final ParameterizedTypeReference<List<EnvVar>> LIST = new ParameterizedTypeReference<>() {
	};

	private final TriggerHttpClient http;

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 */
	public EnvVarsClient(TriggerHttpClient http) {
		this.http = http;
	}

	/**
	 * Every variable of the configured environment.
	 * @return the variables; secret values are redacted by the server
	 */
	public Flux<EnvVar> list() {
		return list(EnvVarTarget.CONFIGURED);
	}

	/**
	 * Every variable of the target environment.
	 * @param target the environment and preview branch
	 * @return the variables; secret values are redacted by the server
	 */
	public Flux<EnvVar> list(EnvVarTarget target) {
		return list(target, RequestOptions.none());
	}

	/**
	 * Every variable of the target environment.
	 * @param target the environment and preview branch
	 * @param options the per-call options; the target's branch wins over theirs
	 * @return the variables; secret values are redacted by the server
	 */
	public Flux<EnvVar> list(EnvVarTarget target, RequestOptions options) {
		return this.http
			.retrieve(TriggerEndpoint.ENVVARS_LIST, target.authOptions(), options,
					(authorization) -> TriggerRequest.get(ENVIRONMENT_PATH, environment(target, authorization)), LIST)
			.flatMapIterable(Function.identity());
	}

	/**
	 * Retrieves one variable of the configured environment.
	 * @param name the variable's name
	 * @return the variable; a missing one gives a
	 * {@link io.github.triggerspring.error.TriggerNotFoundException}
	 */
	public Mono<EnvVar> retrieve(String name) {
		return retrieve(name, EnvVarTarget.CONFIGURED);
	}

	/**
	 * Retrieves one variable of the target environment.
	 * @param name the variable's name
	 * @param target the environment and preview branch
	 * @return the variable; a missing one gives a
	 * {@link io.github.triggerspring.error.TriggerNotFoundException}
	 */
	public Mono<EnvVar> retrieve(String name, EnvVarTarget target) {
		return retrieve(name, target, RequestOptions.none());
	}

	/**
	 * Retrieves one variable of the target environment.
	 * @param name the variable's name
	 * @param target the environment and preview branch
	 * @param options the per-call options; the target's branch wins over theirs
	 * @return the variable; a missing one gives a
	 * {@link io.github.triggerspring.error.TriggerNotFoundException}
	 */
	public Mono<EnvVar> retrieve(String name, EnvVarTarget target, RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.ENVVARS_RETRIEVE, target.authOptions(), options,
				(authorization) -> TriggerRequest.get(VARIABLE_PATH, variable(target, authorization, name)),
				EnvVar.class);
	}

	/**
	 * Creates a variable in the configured environment, overwriting one of the same name.
	 * @param variable the name, value and secrecy
	 * @return completes once the server has stored it
	 */
	public Mono<Void> create(CreateEnvVarRequest variable) {
		return create(variable, EnvVarTarget.CONFIGURED);
	}

	/**
	 * Creates a variable in the target environment, overwriting one of the same name.
	 * @param variable the name, value and secrecy
	 * @param target the environment and preview branch
	 * @return completes once the server has stored it
	 */
	public Mono<Void> create(CreateEnvVarRequest variable, EnvVarTarget target) {
		return create(variable, target, RequestOptions.none());
	}

	/**
	 * Creates a variable in the target environment, overwriting one of the same name.
	 * @param variable the name, value and secrecy
	 * @param target the environment and preview branch
	 * @param options the per-call options; the target's branch wins over theirs
	 * @return completes once the server has stored it
	 */
	public Mono<Void> create(CreateEnvVarRequest variable, EnvVarTarget target, RequestOptions options) {
		return change(TriggerEndpoint.ENVVARS_CREATE, target, options, (authorization) -> {
			Object[] pathVariables = environment(target, authorization);
			checkName(variable.name());
			checkValue(variable.value());
			return TriggerRequest.post(ENVIRONMENT_PATH, pathVariables).withBody(variable);
		});
	}

	/**
	 * Changes the value of a variable of the configured environment.
	 * @param name the variable's name
	 * @param value the new value
	 * @return completes once the server has stored it
	 */
	public Mono<Void> update(String name, String value) {
		return update(name, value, EnvVarTarget.CONFIGURED);
	}

	/**
	 * Changes the value of a variable of the target environment.
	 * @param name the variable's name
	 * @param value the new value
	 * @param target the environment and preview branch
	 * @return completes once the server has stored it
	 */
	public Mono<Void> update(String name, String value, EnvVarTarget target) {
		return update(name, value, target, RequestOptions.none());
	}

	/**
	 * Changes the value of a variable of the target environment.
	 * @param name the variable's name
	 * @param value the new value
	 * @param target the environment and preview branch
	 * @param options the per-call options; the target's branch wins over theirs
	 * @return completes once the server has stored it
	 */
	public Mono<Void> update(String name, String value, EnvVarTarget target, RequestOptions options) {
		return change(TriggerEndpoint.ENVVARS_UPDATE, target, options, (authorization) -> {
			Object[] pathVariables = variable(target, authorization, name);
			checkValue(value);
			return TriggerRequest.put(VARIABLE_PATH, pathVariables).withBody(new EnvVarValue(value));
		});
	}

	/**
	 * Deletes a variable of the configured environment.
	 * @param name the variable's name
	 * @return completes once the server has deleted it
	 */
	public Mono<Void> del(String name) {
		return del(name, EnvVarTarget.CONFIGURED);
	}

	/**
	 * Deletes a variable of the target environment.
	 * @param name the variable's name
	 * @param target the environment and preview branch
	 * @return completes once the server has deleted it
	 */
	public Mono<Void> del(String name, EnvVarTarget target) {
		return del(name, target, RequestOptions.none());
	}

	/**
	 * Deletes a variable of the target environment.
	 * @param name the variable's name
	 * @param target the environment and preview branch
	 * @param options the per-call options; the target's branch wins over theirs
	 * @return completes once the server has deleted it
	 */
	public Mono<Void> del(String name, EnvVarTarget target, RequestOptions options) {
		return change(TriggerEndpoint.ENVVARS_DEL, target, options,
				(authorization) -> TriggerRequest.delete(VARIABLE_PATH, variable(target, authorization, name)));
	}

	/**
	 * Imports several variables into the configured environment at once.
	 * @param upload the variables and import options
	 * @return completes once the server has stored them
	 */
	public Mono<Void> upload(EnvVarUpload upload) {
		return upload(upload, EnvVarTarget.CONFIGURED);
	}

	/**
	 * Imports several variables into the target environment at once.
	 * @param upload the variables and import options
	 * @param target the environment and preview branch
	 * @return completes once the server has stored them
	 */
	public Mono<Void> upload(EnvVarUpload upload, EnvVarTarget target) {
		return upload(upload, target, RequestOptions.none());
	}

	/**
	 * Imports several variables into the target environment at once.
	 * @param upload the variables and import options
	 * @param target the environment and preview branch
	 * @param options the per-call options; the target's branch wins over theirs
	 * @return completes once the server has stored them
	 */
	public Mono<Void> upload(EnvVarUpload upload, EnvVarTarget target, RequestOptions options) {
		return change(TriggerEndpoint.ENVVARS_UPLOAD, target, options, (authorization) -> {
			Object[] pathVariables = environment(target, authorization);
			upload.validate();
			return TriggerRequest.post(IMPORT_PATH, pathVariables).withBody(upload);
		});
	}

	private Mono<Void> change(TriggerEndpoint endpoint, EnvVarTarget target, RequestOptions options,
			Function<CallAuthorization, TriggerRequest> request) {
		return this.http.exchange(endpoint, target.authOptions(), options, request, EnvVarsSuccess.class)
			.flatMap((response) -> response.body().success() ? Mono.<Void>empty()
					: Mono.error(new TriggerUnexpectedResponseException(response.status(),
							"The server answered '" + endpoint.id() + "' with success=false.", null)));
	}

	/**
	 * Path variables of the environment's path, after checking the target.
	 */
	private static Object[] environment(EnvVarTarget target, CallAuthorization authorization) {
		target.validate();
		return new Object[] { authorization.requiredProjectRef(), authorization.requiredEnvironment().pathSegment() };
	}

	/**
	 * Path variables of one variable's path, after checking the target and the name.
	 */
	private static Object[] variable(EnvVarTarget target, CallAuthorization authorization, @Nullable String name) {
		target.validate();
		checkName(name);
		return new Object[] { authorization.requiredProjectRef(), authorization.requiredEnvironment().pathSegment(),
				name };
	}

	private static void checkName(@Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new TriggerValidationException("name",
					"must not be blank. Pass the name of the environment variable, for example DATABASE_URL.");
		}
	}

	private static void checkValue(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new TriggerValidationException("value",
					"must not be blank. Pass the value to store, or delete the variable with del(name) instead.");
		}
	}

}
