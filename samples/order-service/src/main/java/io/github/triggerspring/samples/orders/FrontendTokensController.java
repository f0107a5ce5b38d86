package io.github.triggerspring.samples.orders;

import java.util.List;
import java.util.Map;

import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.tokens.PublicTokensClient;
import io.github.triggerspring.tokens.TokenExpiration;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the service offers a browser or mobile frontend: a one-time token with which the
 * frontend triggers {@code process-order} itself, and the status of a run read with the
 * token the frontend holds (the {@code publicAccessToken} of its trigger), never with
 * the service's secret key.
 *
 * @author trigger-spring-boot contributors
 */
@RestController
public class FrontendTokensController {

	/** The only task a frontend may trigger. */
	static final String TASK = "process-order";

	private final PublicTokensClient tokens;

	private final RunsClient runs;

	public FrontendTokensController(PublicTokensClient tokens, RunsClient runs) {
		this.tokens = tokens;
		this.runs = runs;
	}

	/**
	 * Mints a token that triggers {@code process-order} once, within 15 minutes.
	 * @return the token and what it is for
	 */
	@PostMapping("/frontend/trigger-token")
	Mono<Map<String, Object>> triggerToken() {
		return this.tokens.createTriggerPublicToken(List.of(TASK), false, TokenExpiration.DEFAULT)
			.map((token) -> Map.of("task", TASK, "token", token, "oneTimeUse", true, "expiresIn", "15m"));
	}

	/**
	 * Reads a run's status with the frontend's token as the call's credential: a token
	 * that may not read the run is refused before anything is sent (403), an invalid or
	 * expired one by the API (401).
	 * @param runId the run
	 * @param token the frontend's public access token
	 * @return the run's status
	 */
	@GetMapping("/frontend/runs/{runId}/status")
	Mono<Map<String, Object>> runStatus(@PathVariable String runId, @RequestHeader("X-Run-Token") String token) {
		return this.runs.retrieve(runId, RequestOptions.none().withCredential(token))
			.map((run) -> Map.of("id", run.id(), "status", run.status().value(), "completed", run.isCompleted()));
	}

	@ExceptionHandler(UnsupportedCredentialException.class)
	ResponseEntity<Map<String, String>> refused(UnsupportedCredentialException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(TriggerApiException.class)
	ResponseEntity<Map<String, String>> apiError(TriggerApiException ex) {
		HttpStatus status = switch (ex.getStatus()) {
			case 401 -> HttpStatus.UNAUTHORIZED;
			case 403 -> HttpStatus.FORBIDDEN;
			case 404 -> HttpStatus.NOT_FOUND;
			default -> HttpStatus.BAD_GATEWAY;
		};
		return ResponseEntity.status(status).body(Map.of("error", ex.getMessage()));
	}

}
