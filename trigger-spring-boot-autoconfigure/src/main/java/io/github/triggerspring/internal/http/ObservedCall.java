package io.github.triggerspring.internal.http;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.triggerspring.auth.CallAuthorization;
import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerRateLimitException;
import io.github.triggerspring.observation.DefaultTriggerObservationConvention;
import io.github.triggerspring.observation.TriggerObservationContext;
import io.github.triggerspring.observation.TriggerObservationConvention;
import io.github.triggerspring.observation.TriggerObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The observation of one logical call and its {@link TriggerObservationContext}, filled
 * in as the call goes.
 *
 * @author trigger-spring-boot contributors
 */
final class ObservedCall {

	/**
	 * Reactor context key of the current observation, read by {@code WebClient} to parent
	 * its own observations ({@code ObservationThreadLocalAccessor.KEY}, whose class needs
	 * the optional context-propagation library).
	 */
	private static final String OBSERVATION_KEY = "micrometer.observation";

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

	/** A call that is not observed: it records nothing. */
	private static final ObservedCall NOT_OBSERVED = new ObservedCall(null, Observation.NOOP);

	private final @Nullable TriggerObservationContext context;

	private final Observation observation;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private ObservedCall(@Nullable TriggerObservationContext context, Observation observation) {
		this.context = context;
		this.observation = observation;
	}

	/**
	 * Creates the observation of a call; it starts when the call is subscribed. A no-op
	 * registry costs nothing: the call is not observed and nothing is recorded.
	 * @param endpoint the endpoint called
	 * @param registry the registry
	 * @param convention the user's convention, or {@code null} for the default one
	 * @return the observed call
	 */
	static ObservedCall create(TriggerEndpoint endpoint, ObservationRegistry registry,
			@Nullable TriggerObservationConvention convention) {
		if (registry.isNoop()) {
			return NOT_OBSERVED;
		}
		TriggerObservationContext context = new TriggerObservationContext(endpoint);
		Observation observation = TriggerObservationDocumentation.CALL.observation(convention,
				DefaultTriggerObservationConvention.INSTANCE, () -> context, registry);
		return new ObservedCall(context, observation);
	}

	boolean isNoop() {
		return this.observation.isNoop();
	}

	/**
	 * Whether this call records what it does: {@code false} for a call that is not
	 * observed, whose recording methods do nothing.
	 * @return whether the call records
	 */
	boolean records() {
		return this.context != null;
	}

	/**
	 * Observes a call from its subscription to its end, as the parent observation of what
	 * the call does (the {@code WebClient}'s own observations).
	 * @param <T> the result type
	 * @param call the call
	 * @return the observed call
	 */
	<T> Mono<T> around(Mono<T> call) {
		return call.doOnSubscribe((subscription) -> this.observation.start())
			.doOnSuccess((result) -> stop(false))
			.doOnError((error) -> {
				this.observation.error(error);
				stop(false);
			})
			.doOnCancel(() -> stop(true))
			.contextWrite((reactorContext) -> reactorContext.put(OBSERVATION_KEY,
					this.observation));
	}

	/**
	 * Stops the observation once, before the call's end reaches its subscriber.
	 */
	private void stop(boolean cancelled) {
		if (this.stopped.compareAndSet(false, true)) {
			this.context.end(cancelled);
			this.observation.stop();
		}
	}

	/**
	 * Records the auth strategy's authorization.
	 * @param authorization the authorization
	 */
	void authorized(CallAuthorization authorization) {
		if (this.context == null) {
			return;
		}
		this.context.setCredential(authorization.credential());
		this.context.setAnonymous(authorization.credential() == null);
	}

	/**
	 * Records a refusal by the auth strategy.
	 * @param configured the credential kinds that were configured or asked for
	 */
	void refusedWith(Set<CredentialKind> configured) {
		if (this.context != null && configured.size() == 1) {
			this.context.setCredential(configured.iterator().next());
		}
	}

	/**
	 * Records the run and task ids that the request's path names.
	 * @param request the request
	 */
	void requested(TriggerRequest request) {
		if (this.context == null) {
			return;
		}
		Matcher matcher = PATH_VARIABLE.matcher(request.pathTemplate());
		for (int index = 0; matcher.find() && index < request.pathVariables().size(); index++) {
			String value = String.valueOf(request.pathVariables().get(index));
			switch (matcher.group(1)) {
				case "runId" -> this.context.setRunId(value);
				case "taskId" -> this.context.setTaskId(value);
				default -> {
				}
			}
		}
	}

	/**
	 * Records a retry, as events of the observation.
	 * @param failure the failure of the attempt that is retried
	 */
	void retrying(Throwable failure) {
		if (this.context == null) {
			return;
		}
		boolean rateLimited = failure instanceof TriggerRateLimitException;
		this.context.recordRetry(rateLimited);
		this.observation.event(TriggerObservationDocumentation.Events.RETRY);
		if (rateLimited) {
			this.observation.event(TriggerObservationDocumentation.Events.RATE_LIMIT_WAIT);
		}
	}

}
