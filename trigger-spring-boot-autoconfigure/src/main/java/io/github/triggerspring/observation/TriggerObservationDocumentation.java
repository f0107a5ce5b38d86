package io.github.triggerspring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of Trigger.dev calls, its keys and its events.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum TriggerObservationDocumentation implements ObservationDocumentation {

	/**
	 * One logical call: a client method call, with all its attempts. A call refused before
	 * the wire is observed too.
	 */
	CALL {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultTriggerObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

		@Override
		public Observation.Event[] getEvents() {
			return Events.values();
		}

	};

	/**
	 * Low-cardinality keys. {@link #ENDPOINT} and {@link #NAMESPACE} are known when the
	 * call starts; the others when it ends.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** Endpoint id, for example {@code runs.list}. */
		ENDPOINT {
			@Override
			public String asString() {
				return "trigger.endpoint";
			}
		},

		/** Client namespace, for example {@code runs}. */
		NAMESPACE {
			@Override
			public String asString() {
				return "trigger.namespace";
			}
		},

		/**
		 * Kind of credential: {@code secret_key}, {@code personal_access_token}, {@code none}
		 * for a public endpoint, or {@code unknown}.
		 */
		CREDENTIAL {
			@Override
			public String asString() {
				return "trigger.credential";
			}
		},

		/**
		 * Outcome: {@code SUCCESS}, {@code CLIENT_ERROR} (4xx), {@code SERVER_ERROR} (5xx),
		 * {@code REFUSED} (refused before the wire, by the auth strategy or input
		 * validation), {@code NO_RESPONSE} (connection failure or timeout) or
		 * {@code UNKNOWN}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** Simple class name of the exception the call failed with, or {@code none}. */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		}

	}

	/**
	 * High-cardinality keys, present when the call names a run or a task.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** Id of the run the call is about. */
		RUN_ID {
			@Override
			public String asString() {
				return "trigger.run.id";
			}
		},

		/** Id of the task the call is about. */
		TASK_ID {
			@Override
			public String asString() {
				return "trigger.task.id";
			}
		}

	}

	/**
	 * Events signalled during a call. With Boot's metrics each one is counted as
	 * {@code trigger.client.calls.<event>}, tagged with the keys known when the call
	 * starts (endpoint and namespace).
	 */
	public enum Events implements Observation.Event {

		/** A failed attempt is retried (whatever the cause, rate limits included). */
		RETRY {
			@Override
			public String getName() {
				return "retry";
			}
		},

		/** A retry first waits for a rate limit (429) to reset. */
		RATE_LIMIT_WAIT {
			@Override
			public String getName() {
				return "rate-limit-wait";
			}
		}

	}

}
