package io.github.triggerspring.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The environment variables namespace of a project environment, reached with a secret key or an access token.
 *
 * @param state all emulator data; the router holds its lock while a handler runs
 * @author trigger-spring-boot contributors
 */
record EnvVarsHandler(EmulatorState state) {

	private EnvRecord envVarTarget(ApiCall call, ApiPrincipal principal) {
		String projectRef = call.params.get("projectRef");
		String slug = call.params.get("env");
		EnvRecord keyEnv = principal.env();
		if (keyEnv != null) {
			if (!keyEnv.project.ref.equals(projectRef)) {
				throw new ApiError(400, "Invalid project ref for this API key");
			}
			var type = EmulatedEnvironment.fromEnvVarSlug(slug);
			if (type.isEmpty() || type.get() != keyEnv.type) {
				throw new ApiError(400, "Invalid environment slug for this API key");
			}
			return keyEnv;
		}
		ProjectRecord project = principal.accessibleProject(this.state, projectRef);
		var type = EmulatedEnvironment.fromEnvVarSlug(slug);
		if (type.isEmpty()) {
			throw new ApiError(404, "Environment not found");
		}
		String branch = ApiAuthenticator.sanitizeBranch(call.header("x-trigger-branch"));
		if (type.get() == EmulatedEnvironment.PREVIEW && branch != null) {
			EnvRecord env = project.previewBranch(branch);
			if (env == null) {
				throw new ApiError(404, "Branch not found");
			}
			return env;
		}
		return project.root(type.get());
	}

	private Map<String, EmulatorState.EnvVar> visibleVars(EnvRecord env) {
		Map<String, EmulatorState.EnvVar> result = new LinkedHashMap<>();
		if (env.parent != null) {
			result.putAll(this.state.vars(env.parent));
		}
		result.putAll(this.state.vars(env));
		return result;
	}

	private static ObjectNode varJson(String name, EmulatorState.EnvVar var) {
		return Json.object()
			.put("name", name)
			.put("value", var.secret ? "<redacted>" : var.value)
			.put("isSecret", var.secret);
	}

	ApiReply listEnvVars(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = envVarTarget(call, principal);
		ArrayNode body = Json.array();
		visibleVars(env).forEach((name, var) -> body.add(varJson(name, var)));
		return ApiReply.json(200, body);
	}

	ApiReply retrieveEnvVar(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = envVarTarget(call, principal);
		String name = call.params.get("name");
		EmulatorState.EnvVar var = visibleVars(env).get(name);
		if (var == null) {
			throw new ApiError(404, "Environment variable not found");
		}
		return ApiReply.json(200, varJson(name, var));
	}

	ApiReply createEnvVar(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = envVarTarget(call, principal);
		JsonNode body = call.jsonBody();
		String name = Json.text(body, "name");
		String value = Json.text(body, "value");
		if (name == null || name.isEmpty() || value == null) {
			throw new ApiError(400, "Invalid request body");
		}
		JsonNode secret = body.get("isSecret");
		putVar(env, name, value, secret != null && secret.asBoolean(false), true);
		return success();
	}

	private void putVar(EnvRecord env, String name, String value, boolean secret, boolean override) {
		Map<String, EmulatorState.EnvVar> vars = this.state.vars(env);
		EmulatorState.EnvVar existing = vars.get(name);
		if (existing == null) {
			vars.put(name, new EmulatorState.EnvVar(value, secret));
		}
		else if (override) {
			existing.value = value;
			existing.secret = existing.secret || secret;
		}
	}

	ApiReply updateEnvVar(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = envVarTarget(call, principal);
		JsonNode body = call.jsonBody();
		String value = Json.text(body, "value");
		if (value == null) {
			throw new ApiError(400, "Invalid request body");
		}
		EmulatorState.EnvVar var = this.state.vars(env).get(call.params.get("name"));
		if (var == null) {
			throw new ApiError(404, "Environment variable not found");
		}
		var.value = value;
		return success();
	}

	ApiReply deleteEnvVar(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = envVarTarget(call, principal);
		if (this.state.vars(env).remove(call.params.get("name")) == null) {
			throw new ApiError(404, "Environment variable not found");
		}
		return success();
	}

	ApiReply uploadEnvVars(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = envVarTarget(call, principal);
		JsonNode body = call.jsonBody();
		JsonNode variables = body.get("variables");
		if (variables == null || !variables.isObject()) {
			throw new ApiError(400, "Invalid request body");
		}
		JsonNode parentVariables = body.get("parentVariables");
		for (JsonNode group : new JsonNode[] { variables, parentVariables }) {
			if (group != null && !group.isNull()) {
				if (!group.isObject()) {
					throw new ApiError(400, "Invalid request body");
				}
				for (Map.Entry<String, JsonNode> entry : group.properties()) {
					if (!entry.getValue().isString()) {
						throw new ApiError(400, "Invalid request body: variable values must be strings");
					}
				}
			}
		}
		boolean override = body.has("override") && body.get("override").asBoolean(false);
		boolean secret = body.has("isSecret") && body.get("isSecret").asBoolean(false);
		for (Map.Entry<String, JsonNode> entry : variables.properties()) {
			putVar(env, entry.getKey(), entry.getValue().stringValue(), secret, override);
		}
		if (parentVariables != null && parentVariables.isObject() && env.parent != null) {
			for (Map.Entry<String, JsonNode> entry : parentVariables.properties()) {
				putVar(env.parent, entry.getKey(), entry.getValue().stringValue(), secret, override);
			}
		}
		return success();
	}

	private static ApiReply success() {
		return ApiReply.json(200, Json.object().put("success", true));
	}

}
