package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deployments namespace: the seeded deployments of the environment, its current
 * deployment, and promotion of a deployed version.
 *
 * @param state all emulator data; the router holds its lock while a handler runs
 * @param clock the emulator clock
 * @author trigger-spring-boot contributors
 */
record DeploymentsHandler(EmulatorState state, EmulatorClock clock) {

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MIN_PAGE_SIZE = 5;

	static final int MAX_PAGE_SIZE = 100;

	ApiReply listDeployments(ApiCall call, ApiPrincipal principal) {
		int pageSize = DEFAULT_PAGE_SIZE;
		String sizeParam = call.queryParam("page[size]");
		if (sizeParam != null) {
			pageSize = Math.max(MIN_PAGE_SIZE, Math.min(MAX_PAGE_SIZE, ApiCall.queryInt("page[size]", sizeParam)));
		}
		List<Predicate<DeploymentRecord>> filters = new ArrayList<>();
		QueryParams query = new QueryParams(call);
		Set<String> statuses = query.values("status");
		if (statuses != null) {
			filters.add((deployment) -> statuses.contains(deployment.status.name()));
		}
		String period = query.text("period");
		if (period != null) {
			Duration duration = EmulatorState.naturalDuration(period);
			if (duration == null) {
				throw ApiError.query("period", "Invalid period '" + period + "'");
			}
			Instant since = this.clock.instant().minus(duration);
			filters.add((deployment) -> !deployment.createdAt.isBefore(since));
		}
		Instant from = instant(query, "from");
		if (from != null) {
			filters.add((deployment) -> !deployment.createdAt.isBefore(from));
			Instant to = instant(query, "to");
			if (to != null) {
				filters.add((deployment) -> !deployment.createdAt.isAfter(to));
			}
		}
		List<DeploymentRecord> matching = this.state.deployments(principal.requireEnv())
			.stream()
			.filter((deployment) -> filters.stream().allMatch((filter) -> filter.test(deployment)))
			.toList();
		int start = 0;
		String after = query.text("page[after]");
		if (after != null) {
			start = matching.size();
			for (int i = 0; i < matching.size(); i++) {
				if (matching.get(i).id.equals(after)) {
					start = i + 1;
				}
			}
		}
		int end = Math.min(matching.size(), start + pageSize);
		ObjectNode body = Json.object();
		ArrayNode data = body.putArray("data");
		matching.subList(start, end).forEach((deployment) -> data.add(summaryJson(deployment)));
		ObjectNode pagination = body.putObject("pagination");
		if (end < matching.size()) {
			pagination.put("next", matching.get(end - 1).id);
		}
		return ApiReply.json(200, body);
	}

	private static @Nullable Instant instant(QueryParams query, String name) {
		String value = query.text(name);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ApiError.query(name, "Invalid datetime '" + value + "'");
		}
	}

	ApiReply currentDeployment(ApiCall call, ApiPrincipal principal) {
		DeploymentRecord current = this.state.currentDeployments.get(principal.requireEnv());
		if (current == null) {
			throw new ApiError(404, "No current deployment found");
		}
		return ApiReply.json(200, summaryJson(current));
	}

	ApiReply latestDeployment(ApiCall call, ApiPrincipal principal) {
		List<DeploymentRecord> deployments = this.state.deployments(principal.requireEnv());
		if (deployments.isEmpty()) {
			throw new ApiError(404, "No deployment found");
		}
		return ApiReply.json(200, detailsJson(deployments.get(0)));
	}

	ApiReply retrieveDeployment(ApiCall call, ApiPrincipal principal) {
		DeploymentRecord deployment = this.state.deployments.get(call.params.get("deploymentId"));
		if (deployment == null || deployment.env != principal.env()) {
			throw new ApiError(404, "Deployment not found");
		}
		return ApiReply.json(200, detailsJson(deployment));
	}

	ApiReply promoteDeployment(ApiCall call, ApiPrincipal principal) {
		String version = call.params.get("version");
		DeploymentRecord deployment = this.state.deployments(principal.requireEnv())
			.stream()
			.filter((candidate) -> candidate.version.equals(version))
			.findFirst()
			.orElseThrow(() -> new ApiError(404, "Deployment not found"));
		if (deployment.status != EmulatedDeploymentStatus.DEPLOYED) {
			throw new ApiError(400, "Deployment " + version + " is " + deployment.status
					+ "; only a DEPLOYED version can be promoted");
		}
		this.state.currentDeployments.put(principal.requireEnv(), deployment);
		return ApiReply.json(200, Json.object()
			.put("id", deployment.id)
			.put("version", deployment.version)
			.put("shortCode", deployment.shortCode));
	}

	private static ObjectNode summaryJson(DeploymentRecord deployment) {
		ObjectNode node = Json.object()
			.put("id", deployment.id)
			.put("createdAt", Json.date(deployment.createdAt))
			.put("shortCode", deployment.shortCode)
			.put("version", deployment.version)
			.put("runtime", "node")
			.putNull("runtimeVersion")
			.put("status", deployment.status.name())
			.put("deployedAt", (deployment.deployedAt() != null) ? Json.date(deployment.deployedAt()) : null);
		node.putNull("git");
		node.putNull("error");
		return node;
	}

	private static ObjectNode detailsJson(DeploymentRecord deployment) {
		ObjectNode node = Json.object()
			.put("id", deployment.id)
			.put("status", deployment.status.name())
			.put("contentHash", "emulated-" + deployment.shortCode)
			.put("shortCode", deployment.shortCode)
			.put("version", deployment.version)
			.putNull("imageReference")
			.put("imagePlatform", "linux/amd64")
			.putNull("externalBuildData")
			.putNull("errorData");
		if (deployment.status == EmulatedDeploymentStatus.DEPLOYED) {
			ObjectNode worker = node.putObject("worker")
				.put("id", "worker_" + deployment.shortCode)
				.put("version", deployment.version);
			ArrayNode tasks = worker.putArray("tasks");
			for (String task : deployment.tasks) {
				tasks.addObject()
					.put("id", "task_" + deployment.shortCode + "_" + task)
					.put("slug", task)
					.put("filePath", "src/trigger/" + task + ".ts")
					.put("exportName", task);
			}
		}
		else {
			node.putNull("worker");
		}
		return node;
	}

}
