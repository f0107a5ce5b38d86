package io.github.triggerspring.emulator;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realtime endpoints: snapshots, live long polls timed by the emulator clock, run
 * transitions, must-refetch, filters and errors.
 *
 * @author trigger-spring-boot contributors
 */
class RealtimeTests extends EmulatorTestSupport {

	private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

	private static final String ELECTRIC = "x-trigger-electric-version";

	private static Response realtime(String pathAndQuery) {
		return get(pathAndQuery, DEV, ELECTRIC, "1.0.0-beta.1");
	}

	/** Sends a request that the emulator may hold, answering when it is answered. */
	private static CompletableFuture<Response> realtimeAsync(String pathAndQuery) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
			.header("Authorization", "Bearer " + DEV)
			.header(ELECTRIC, "1.0.0-beta.1")
			.GET()
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> new Response(response.statusCode(), response.body(), response.headers().map()));
	}

	/** Advances the emulator clock until the held request is answered. */
	private static Response advanceUntilAnswered(CompletableFuture<Response> held, Duration step) {
		for (int i = 0; i < 500 && !held.isDone(); i++) {
			emulator.clock().advance(step);
			try {
				return held.get(20, TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				// still held: advance again
			}
			catch (InterruptedException | ExecutionException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return held.getNow(null);
	}

	@Test
	void snapshotThenLivePollsFollowTheRunThroughQueuedExecutingAndCompleted() {
		emulator.clock().setInstant(T0);
		emulator.taskBehavior("slow", TaskBehavior.completesAfter(Duration.ofSeconds(10))
			.queuedFor(Duration.ofSeconds(5))
			.withOutput("done"));
		String id = trigger("slow", "{\"payload\":{\"n\":1},\"options\":{\"tags\":[\"a\"]}}");
		Response snapshot = realtime("/realtime/v1/runs/" + id + "?log=full&offset=-1");
		assertThat(snapshot.status()).isEqualTo(200);
		String handle = snapshot.header("electric-handle");
		assertThat(handle).startsWith("run-");
		assertThat(snapshot.header("electric-schema")).contains("\"runTags\":{\"type\":\"text\",\"dims\":1}");
		assertThat(snapshot.header("electric-cursor")).isNull();
		JsonNode messages = snapshot.json();
		assertThat(messages).hasSize(2);
		JsonNode insert = messages.get(0);
		assertThat(insert.get("headers").get("operation").asString()).isEqualTo("insert");
		assertThat(insert.get("key").asString()).startsWith("\"public\".\"TaskRun\"/\"");
		JsonNode row = insert.get("value");
		assertThat(row.get("friendlyId").asString()).isEqualTo(id);
		assertThat(row.get("status").asString()).isEqualTo("PENDING");
		assertThat(row.get("createdAt").asString()).isEqualTo("2025-03-01T12:00:00.000");
		assertThat(row.get("runTags").asString()).isEqualTo("{\"a\"}");
		assertThat(row.get("payload").asString()).isEqualTo("{\"n\":1}");
		assertThat(row.get("completedAt").isNull()).isTrue();
		assertThat(messages.get(1).get("headers").get("control").asString()).isEqualTo("up-to-date");

		String offset = snapshot.header("electric-offset");
		CompletableFuture<Response> held = realtimeAsync(
				"/realtime/v1/runs/" + id + "?cursor=&handle=" + handle + "&live=true&log=full&offset=" + offset);
		Response executing = advanceUntilAnswered(held, Duration.ofSeconds(5));
		assertThat(executing.status()).isEqualTo(200);
		assertThat(executing.header("electric-cursor")).isNotNull();
		assertThat(executing.header("electric-handle")).isEqualTo(handle);
		assertThat(executing.header("electric-offset")).isNotEqualTo(offset);
		JsonNode update = executing.json().get(0);
		assertThat(update.get("headers").get("operation").asString()).isEqualTo("update");
		assertThat(update.get("value").get("status").asString()).isEqualTo("EXECUTING");

		Response completed = advanceUntilAnswered(realtimeAsync("/realtime/v1/runs/" + id + "?cursor="
				+ executing.header("electric-cursor") + "&handle=" + handle + "&live=true&log=full&offset="
				+ executing.header("electric-offset")), Duration.ofSeconds(10));
		JsonNode done = completed.json().get(0).get("value");
		assertThat(done.get("status").asString()).isEqualTo("COMPLETED_SUCCESSFULLY");
		assertThat(done.get("completedAt").asString()).isEqualTo("2025-03-01T12:00:15.000");
		assertThat(done.get("output").asString()).isEqualTo("\"done\"");
	}

	@Test
	void aLivePollWithoutChangeIsAnsweredWithOnlyUpToDateAfterTheTimeoutOnTheEmulatorClock() {
		emulator.clock().setInstant(T0);
		String id = emulator.seedRun(RunSeed.of("t").behavior(TaskBehavior.staysQueued()));
		Response snapshot = realtime("/realtime/v1/runs/" + id + "?log=full&offset=-1");
		String offset = snapshot.header("electric-offset");
		CompletableFuture<Response> held = realtimeAsync("/realtime/v1/runs/" + id + "?cursor=&handle="
				+ snapshot.header("electric-handle") + "&live=true&log=full&offset=" + offset);
		Response timedOut = advanceUntilAnswered(held, RealtimeHandler.LONG_POLL_TIMEOUT);
		assertThat(timedOut.status()).isEqualTo(200);
		assertThat(timedOut.body()).isEqualTo("[{\"headers\":{\"control\":\"up-to-date\"}}]");
		assertThat(timedOut.header("electric-offset")).isEqualTo(offset);
		assertThat(timedOut.header("electric-cursor")).isEqualTo("1");
	}

	@Test
	void aClientThatClosesItsHeldLivePollIsNoticedAtOnceAndTheHoldReleased() throws IOException {
		emulator.clock().setInstant(T0);
		String id = emulator.seedRun(RunSeed.of("t").behavior(TaskBehavior.staysQueued()));
		Response snapshot = realtime("/realtime/v1/runs/" + id + "?log=full&offset=-1");
		String live = "/realtime/v1/runs/" + id + "?cursor=&handle=" + snapshot.header("electric-handle")
				+ "&live=true&log=full&offset=" + snapshot.header("electric-offset");
		try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
			socket.getOutputStream()
				.write(("GET " + live + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + DEV + "\r\n"
						+ ELECTRIC + ": 1.0.0-beta.1\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			assertThat(emulator.awaitHeldRealtimePolls(1, TIMEOUT)).isTrue();
		}
		// the clock is frozen: only the close can end the poll
		assertThat(emulator.awaitClosedRealtimeConnections(1, TIMEOUT)).isTrue();
		assertThat(emulator.heldRealtimePolls()).isZero();
		RecordedRequest closed = emulator.journal().last();
		assertThat(closed.queryParameter("live")).hasValue("true");
		assertThat(closed.clientClosed()).isTrue();
		assertThat(closed.responseStatus()).isZero();
		assertThat(closed.handlingTime()).as("held until the close").isPositive();
		assertThat(emulator.journal().requests(EmulatorEndpoint.RUNS_SUBSCRIBE_TO_RUN).get(0).clientClosed())
			.isFalse();
		emulator.reset();
		assertThat(emulator.closedRealtimeConnections()).isZero();
	}

	@Test
	void theTestHookMakesTheNextRequestMustRefetchWithANewHandle() {
		String id = emulator.seedRun(RunSeed.of("t").behavior(TaskBehavior.staysQueued()));
		Response snapshot = realtime("/realtime/v1/runs/" + id + "?log=full&offset=-1");
		String handle = snapshot.header("electric-handle");
		assertThat(emulator.forceRealtimeRefetch()).isEqualTo(1);
		Response refetch = realtime("/realtime/v1/runs/" + id + "?cursor=&handle=" + handle
				+ "&live=true&log=full&offset=" + snapshot.header("electric-offset"));
		assertThat(refetch.status()).isEqualTo(409);
		assertThat(refetch.body()).isEqualTo("[{\"headers\":{\"control\":\"must-refetch\"}}]");
		String newHandle = refetch.header("electric-handle");
		assertThat(newHandle).isNotEqualTo(handle);
		Response again = realtime("/realtime/v1/runs/" + id + "?expired_handle=" + handle + "&handle=" + newHandle
				+ "&log=full&offset=-1");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.header("electric-handle")).isEqualTo(newHandle);
		assertThat(again.json().get(0).get("headers").get("operation").asString()).isEqualTo("insert");
		assertThat(realtime("/realtime/v1/runs/" + id + "?handle=unknown&log=full&offset=3_0").status())
			.isEqualTo(409);
	}

	@Test
	void tagAndBatchShapesHoldTheirRunsWithoutTheSkippedColumns() {
		emulator.clock().setInstant(T0);
		String tagged = emulator.seedRun(RunSeed.of("t").tags("user_1", "org_1").payload("x"));
		emulator.seedRun(RunSeed.of("t").tags("user_2"));
		emulator.seedRun(RunSeed.of("t").tags("user_1").createdAt(T0.minus(Duration.ofHours(3))));
		Response tags = realtime("/realtime/v1/runs?createdAt=2h&log=full&offset=-1&skipColumns=payload,id&tags=user_1");
		assertThat(tags.status()).isEqualTo(200);
		assertThat(tags.header("electric-handle")).startsWith("runs_");
		assertThat(tags.json()).hasSize(2);
		JsonNode row = tags.json().get(0).get("value");
		assertThat(row.get("friendlyId").asString()).isEqualTo(tagged);
		assertThat(row.has("payload")).isFalse();
		assertThat(row.has("id")).isTrue();
		String batchId = emulator.seedBatch(PROJECT, EmulatedEnvironment.DEV, null, tagged);
		Response batch = realtime("/realtime/v1/batches/" + batchId + "?log=full&offset=-1");
		assertThat(batch.header("electric-handle")).startsWith("batch_" + batchId);
		assertThat(batch.json()).hasSize(2);
		assertThat(batch.json().get(0).get("value").get("friendlyId").asString()).isEqualTo(tagged);
	}

	@Test
	void unknownRunsAndBatchesBadTagsAndMissingCredentialsAreRefused() {
		assertThat(realtime("/realtime/v1/runs/run_nope?log=full&offset=-1").status()).isEqualTo(404);
		assertThat(realtime("/realtime/v1/batches/batch_nope?log=full&offset=-1").status()).isEqualTo(404);
		assertThat(realtime("/realtime/v1/runs?log=full&offset=-1&tags=a,").status()).isEqualTo(400);
		String id = emulator.seedRun(RunSeed.of("t"));
		assertThat(get("/realtime/v1/runs/" + id + "?log=full&offset=-1", null).status()).isEqualTo(401);
		assertThat(get("/realtime/v1/runs/" + id + "?log=full&offset=-1", PAT).status()).isEqualTo(401);
		assertThat(emulator.journal().requests(EmulatorEndpoint.RUNS_SUBSCRIBE_TO_RUN)).hasSize(3);
	}

}
