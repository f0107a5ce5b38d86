package io.github.triggerspring.test;

import java.lang.management.ManagementFactory;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.Fault;
import io.github.triggerspring.emulator.RandomFaults;
import io.github.triggerspring.emulator.RecordedRequest;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.error.TriggerException;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerHttpSettings;
import io.github.triggerspring.runs.ListRunsRequest;
import io.github.triggerspring.runs.RunSummary;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.tasks.BatchItem;
import io.github.triggerspring.tasks.BatchOptions;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.tasks.TriggerOptions;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load-and-fault suite: rounds of {@value #CONCURRENCY} concurrent logical calls
 * ({@code tasks.trigger} with idempotency keys, {@code tasks.batchTrigger} with and
 * without idempotency keys, {@code runs.list}) against the emulator while it injects random faults drawn from a
 * seed: 5xx, 429 with a reset, connections dropped before and after the server acted,
 * responses slower than the response timeout and truncated bodies. It checks that every
 * call ends in exactly one outcome (a result or a {@link TriggerException}, within a
 * bound that only a hang reaches), that no run is created twice for a call and no batch
 * item is lost or duplicated (counted in the emulator), that attempts and waits keep to
 * the retry policy, that the connection pool gets every connection back and that the
 * heap stays flat across rounds.
 * <p>
 * The seed is printed; replay a run with {@code -Dtrigger.reliability.seed=<seed>}
 * ({@code random} draws a new one). Time is real: the response timeout is generous, so
 * that a slow, loaded machine only adds retries, which the checks allow.
 *
 * @author trigger-spring-boot contributors
 */
class LoadAndFaultTests {

	static final String SEED_PROPERTY = "trigger.reliability.seed";

	private static final long DEFAULT_SEED = 20260301L;

	private static final int CONCURRENCY = 64;

	private static final int ROUNDS = 3;

	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);

	/** Latency of a slow response, one fault in twelve: past the response timeout. */
	private static final Duration SLOW = RESPONSE_TIMEOUT.plusSeconds(1);

	private static final Duration RATE_LIMIT_RESET = Duration.ofMillis(100);

	private static final TriggerRetryPolicy RETRY = new TriggerRetryPolicy(4, Duration.ofMillis(20),
			Duration.ofMillis(200), 2, 0.5);

	/** Bound of one logical call that only a hang reaches: far past its retries. */
	private static final Duration HANG = Duration.ofSeconds(120);

	/** Generous bound for the heap to stay flat across rounds. */
	private static final long HEAP_TOLERANCE_BYTES = 48L * 1024 * 1024;

	@Test
	void concurrentCallsThroughRandomFaultsEachEndOnceAndLoseOrDuplicateNothing() {
		long seed = seed();
		System.out.println("Load-and-fault suite: seed " + seed + " (replay with -D" + SEED_PROPERTY + "=" + seed + ")");
		try {
			run(seed);
		}
		catch (AssertionError | RuntimeException ex) {
			throw new AssertionError("Load-and-fault suite failed with seed " + seed + ": replay with -D"
					+ SEED_PROPERTY + "=" + seed, ex);
		}
	}

	/**
	 * The seed: the system property's value, a new one for {@code random}, or a fixed
	 * default, so that a plain build is repeatable.
	 */
	static long seed() {
		String value = System.getProperty(SEED_PROPERTY);
		if (value == null || value.isBlank()) {
			return DEFAULT_SEED;
		}
		return value.equals("random") ? new SplittableRandom().nextLong() : Long.parseLong(value.trim());
	}

	private void run(long seed) {
		PoolMetrics pool = new PoolMetrics();
		ConnectionProvider provider = ConnectionProvider.builder("reliability")
			.maxConnections(CONCURRENCY)
			.metrics(true, () -> pool)
			.build();
		RecordingScheduler timers = new RecordingScheduler(Schedulers.newParallel("reliability-timers", 2, true));
		SplittableRandom jitter = new SplittableRandom(seed);
		RandomGenerator random = () -> {
			synchronized (jitter) {
				return jitter.nextLong();
			}
		};
		Summary summary = new Summary();
		try (TriggerEmulator emulator = TriggerEmulator.start()) {
			WebClient webClient = WebClient.builder()
				.baseUrl(emulator.baseUrl())
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create(provider)))
				.build();
			TriggerHttpClient http = TriggerHttpClient
				.builder(webClient,
						new DefaultTriggerAuthStrategy(TriggerCredentials.of(EmulatorAccount.DEV_SECRET_KEY, null,
								EmulatorAccount.PROJECT_REF, null, null)),
						JsonMapper.builder().build())
				.settings(TriggerHttpSettings.defaults().withRetry(RETRY).withResponseTimeout(RESPONSE_TIMEOUT))
				.scheduler(timers)
				.random(random)
				.build();
			TasksClient tasks = new TasksClient(http, RETRY);
			RunsClient runs = new RunsClient(http);
			List<Long> heap = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				emulator.faults()
					.injectRandom(RandomFaults.seeded(seed)
						.probability(0.3)
						.faults(Fault.status(500), Fault.status(502), Fault.status(503),
								Fault.rateLimited(RATE_LIMIT_RESET), Fault.rateLimited(RATE_LIMIT_RESET),
								Fault.dropConnection(), Fault.dropConnection(), Fault.dropConnectionAfterHandling(),
								Fault.dropConnectionAfterHandling(), Fault.truncatedBody(), Fault.truncatedBody(),
								Fault.latency(SLOW)));
				List<Call> calls = plan(seed, round);
				List<Outcome> outcomes = Flux.fromIterable(calls)
					.flatMap((call) -> outcome(call, call.start(tasks, runs)), CONCURRENCY)
					.collectList()
					.block(HANG.multipliedBy(2));
				Map<Fault.Kind, Integer> injected = emulator.faults().injected();
				emulator.faults().clear();
				assertThat(outcomes).hasSize(CONCURRENCY).allSatisfy(LoadAndFaultTests::assertOneTypedOutcome);
				assertAttemptsAndWaits(emulator.journal().requests(), timers.takeDelays());
				summary.add(outcomes, injected, countRuns(runs, round, outcomes));
				assertPoolGetsEveryConnectionBack(pool);
				emulator.reset();
				heap.add(retainedHeap());
			}
			assertThat(heap.get(heap.size() - 1) - heap.get(0)).as("heap growth across rounds, bytes " + heap)
				.isLessThan(HEAP_TOLERANCE_BYTES);
			System.out.println(summary.line(seed));
			assertThat(summary.duplicates).as("runs created twice (for a trigger, or for a batch item's index)").isZero();
			assertThat(summary.lost).as("runs lost (of a trigger, or of a batch item's index)").isZero();
		}
		finally {
			provider.disposeLater().block(Duration.ofSeconds(30));
			timers.dispose();
		}
	}

	/**
	 * The round's calls, drawn from the seed: half triggers, a third batches (half of
	 * them with an idempotency key), the rest lists.
	 */
	private static List<Call> plan(long seed, int round) {
		SplittableRandom plan = new SplittableRandom(seed * 31 + round);
		return IntStream.range(0, CONCURRENCY).mapToObj((index) -> {
			String tag = "r" + round + "c" + index;
			int kind = plan.nextInt(6);
			if (kind < 3) {
				return new Call(tag, CallKind.TRIGGER, 1);
			}
			if (kind < 5) {
				return new Call(tag, (kind == 3) ? CallKind.BATCH : CallKind.KEYED_BATCH, 2 + plan.nextInt(5));
			}
			return new Call(tag, CallKind.LIST, 0);
		}).toList();
	}

	/** Every signal of a call, bounded by {@link #HANG}. */
	private static Mono<Outcome> outcome(Call call, Mono<?> result) {
		return Flux.<Object>from(result)
			.timeout(HANG)
			.materialize()
			.collectList()
			.map((signals) -> new Outcome(call, signals));
	}

	private static void assertOneTypedOutcome(Outcome outcome) {
		List<Signal<Object>> signals = outcome.signals();
		Signal<Object> first = signals.get(0);
		if (first.isOnError()) {
			assertThat(signals).as(outcome.call() + ": one error").hasSize(1);
			assertThat(first.getThrowable()).as(outcome.call() + ": the error").isInstanceOf(TriggerException.class);
		}
		else {
			assertThat(signals).as(outcome.call() + ": one result, then completion")
				.hasSize(2)
				.satisfies((list) -> assertThat(list.get(0).isOnNext()).isTrue())
				.satisfies((list) -> assertThat(list.get(1).isOnComplete()).isTrue());
		}
	}

	/**
	 * Every logical HTTP call (one {@code x-trigger-request-idempotency-key}) made at
	 * most the policy's attempts, spaced by at least its shortest wait; every wait the
	 * client scheduled is a backoff of the policy or a rate-limit wait until the reset,
	 * with the policy's jitter, and every check of the response timeouts comes at most one
	 * response timeout later.
	 */
	private static void assertAttemptsAndWaits(List<RecordedRequest> requests, List<ScheduledDelay> delays) {
		Map<String, List<RecordedRequest>> attempts = new HashMap<>();
		for (RecordedRequest request : requests) {
			request.header("x-trigger-request-idempotency-key")
				.ifPresent((key) -> attempts.computeIfAbsent(key, (k) -> new ArrayList<>()).add(request));
		}
		attempts.forEach((key, list) -> {
			assertThat(list).as("attempts of one call").hasSizeLessThanOrEqualTo(RETRY.maxAttempts());
			for (int i = 1; i < list.size(); i++) {
				Duration gap = Duration.between(list.get(i - 1).receivedAt(), list.get(i).receivedAt());
				assertThat(gap.plusMillis(1)).as("wait between attempts of " + list.get(i))
					.isGreaterThanOrEqualTo(RETRY.backoff(1));
			}
		});
		for (ScheduledDelay scheduled : delays) {
			if (scheduled.timeoutCheck()) {
				assertThat(scheduled.delay()).as("a check of the response timeouts")
					.isBetween(Duration.ZERO, RESPONSE_TIMEOUT);
			}
			else {
				assertThat(scheduled.delay()).as("a wait the client scheduled")
					.matches(LoadAndFaultTests::isAllowedWait);
			}
		}
	}

	private static boolean isAllowedWait(Duration delay) {
		for (int failed = 1; failed < RETRY.maxAttempts(); failed++) {
			Duration backoff = RETRY.backoff(failed);
			Duration most = Duration.ofMillis(Math.min(RETRY.maxBackoff().toMillis(),
					backoff.toMillis() + (long) (backoff.toMillis() * RETRY.jitter())));
			if (delay.compareTo(backoff) >= 0 && delay.compareTo(most) <= 0) {
				return true;
			}
		}
		// the batch limiter's reset is in whole seconds, so it may be up to a second later
		Duration rateLimitWait = RATE_LIMIT_RESET.plusSeconds(1).plus(RETRY.rateLimitJitter(new MaxRandom()));
		return !delay.isNegative() && !delay.isZero() && delay.compareTo(rateLimitWait) <= 0;
	}

	/**
	 * Counts the round's runs in the emulator (listed with its faults cleared): a
	 * trigger made at most one run, and exactly one when it succeeded; a batch made at
	 * most one run per item index, and every index when it succeeded.
	 */
	private static RunCounts countRuns(RunsClient runs, int round, List<Outcome> outcomes) {
		Map<String, Map<String, Integer>> byCall = new HashMap<>();
		List<RunSummary> all = runs.list(ListRunsRequest.builder().pageSize(100).build())
			.collectList()
			.block(Duration.ofSeconds(60));
		for (RunSummary run : all) {
			List<String> tags = (run.tags() != null) ? run.tags() : List.of();
			if (!tags.isEmpty() && tags.get(0).startsWith("r" + round + "c")) {
				String item = (tags.size() > 1) ? tags.get(1) : "i0";
				byCall.computeIfAbsent(tags.get(0), (tag) -> new TreeMap<>()).merge(item, 1, Integer::sum);
			}
		}
		int duplicates = 0;
		int lost = 0;
		for (Outcome outcome : outcomes) {
			Map<String, Integer> items = byCall.getOrDefault(outcome.call().tag(), Map.of());
			duplicates += items.values().stream().mapToInt((count) -> count - 1).sum();
			if (outcome.signals().get(0).isOnNext()) {
				lost += outcome.call().items() - items.size();
			}
		}
		return new RunCounts(duplicates, lost);
	}

	/**
	 * The pool's acquired connections return to zero once every call has ended; the
	 * release of the last connections may trail the calls' ends by a moment.
	 */
	private static void assertPoolGetsEveryConnectionBack(PoolMetrics pool) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (pool.acquired() > 0 && System.nanoTime() < deadline) {
			Mono.delay(Duration.ofMillis(20)).block(Duration.ofSeconds(5));
		}
		assertThat(pool.acquired()).as("connections still acquired").isZero();
		assertThat(pool.pending()).as("pending acquires").isZero();
	}

	private static long retainedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	enum CallKind {

		TRIGGER, BATCH, KEYED_BATCH, LIST

	}

	/**
	 * One logical call: its tag (on every run it creates), its kind and its items.
	 */
	record Call(String tag, CallKind kind, int items) {

		Mono<?> start(TasksClient tasks, RunsClient runs) {
			return switch (this.kind) {
				case TRIGGER -> tasks.trigger("load-task", Map.of("call", this.tag),
						TriggerOptions.builder().idempotencyKey(this.tag).tags(this.tag).build());
				case BATCH, KEYED_BATCH -> tasks.batchTrigger("load-task", IntStream.range(0, this.items)
					.mapToObj((index) -> BatchItem.of(Map.of("call", this.tag, "index", index),
							TriggerOptions.builder().tags(this.tag, "i" + index).build()))
					.toList(),
						(this.kind == CallKind.KEYED_BATCH) ? BatchOptions.builder().idempotencyKey(this.tag).build()
								: BatchOptions.none());
				case LIST -> runs.listPage(ListRunsRequest.builder().pageSize(10).build());
			};
		}

	}

	/**
	 * The signals of one logical call.
	 */
	record Outcome(Call call, List<Signal<Object>> signals) {

		String type() {
			Signal<Object> first = this.signals.get(0);
			return first.isOnError() ? first.getThrowable().getClass().getSimpleName() : "result";
		}

	}

	record RunCounts(int duplicates, int lost) {

	}

	/**
	 * Totals over the rounds, for the one-line summary.
	 */
	static final class Summary {

		private int calls;

		private final Map<Fault.Kind, Integer> faults = new TreeMap<>();

		private final Map<String, Integer> outcomes = new TreeMap<>();

		private int duplicates;

		private int lost;

		private final long started = System.nanoTime();

		void add(List<Outcome> outcomes, Map<Fault.Kind, Integer> injected, RunCounts counts) {
			this.calls += outcomes.size();
			injected.forEach((kind, count) -> this.faults.merge(kind, count, Integer::sum));
			outcomes.forEach((outcome) -> this.outcomes.merge(outcome.type(), 1, Integer::sum));
			this.duplicates += counts.duplicates();
			this.lost += counts.lost();
		}

		String line(long seed) {
			int faultCount = this.faults.values().stream().mapToInt(Integer::intValue).sum();
			return "Load-and-fault suite: seed " + seed + ", " + ROUNDS + " rounds, " + this.calls + " calls, "
					+ faultCount + " faults injected " + this.faults + ", outcomes " + this.outcomes + ", duplicates "
					+ this.duplicates + ", lost " + this.lost + ", "
					+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.started) + " ms";
		}

	}

	/**
	 * A delay the client asked its scheduler for.
	 *
	 * @param delay the delay
	 * @param timeoutCheck whether the task checks the response timeouts (the client's
	 * {@code TimeoutTimer}), rather than waits before an attempt
	 */
	record ScheduledDelay(Duration delay, boolean timeoutCheck) {

	}

	/**
	 * The client's scheduler, recording the delay of every timer it is asked for.
	 */
	static final class RecordingScheduler implements Scheduler {

		private final Scheduler delegate;

		private final Queue<ScheduledDelay> delays = new ConcurrentLinkedQueue<>();

		RecordingScheduler(Scheduler delegate) {
			this.delegate = delegate;
		}

		@Override
		public Disposable schedule(Runnable task) {
			return this.delegate.schedule(task);
		}

		@Override
		public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
			this.delays.add(new ScheduledDelay(Duration.ofNanos(unit.toNanos(delay)),
					TimeoutCheckTasks.checksResponseTimeouts(task)));
			return this.delegate.schedule(task, delay, unit);
		}

		@Override
		public long now(TimeUnit unit) {
			return this.delegate.now(unit);
		}

		@Override
		public Worker createWorker() {
			return this.delegate.createWorker();
		}

		@Override
		public void dispose() {
			this.delegate.dispose();
		}

		List<ScheduledDelay> takeDelays() {
			List<ScheduledDelay> taken = new ArrayList<>();
			for (ScheduledDelay delay = this.delays.poll(); delay != null; delay = this.delays.poll()) {
				taken.add(delay);
			}
			return taken;
		}

	}

	/**
	 * The connection pools' metrics, one per remote address.
	 */
	static final class PoolMetrics implements ConnectionProvider.MeterRegistrar {

		private final List<ConnectionPoolMetrics> pools = new CopyOnWriteArrayList<>();

		@Override
		public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
				ConnectionPoolMetrics metrics) {
			this.pools.add(metrics);
		}

		int acquired() {
			return this.pools.stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
		}

		int pending() {
			return this.pools.stream().mapToInt(ConnectionPoolMetrics::pendingAcquireSize).sum();
		}

	}

	/**
	 * A generator at the top of every range, for the largest jitter the policy allows.
	 */
	static final class MaxRandom implements RandomGenerator {

		@Override
		public long nextLong() {
			return Long.MAX_VALUE;
		}

		@Override
		public long nextLong(long bound) {
			return bound - 1;
		}

	}

}
