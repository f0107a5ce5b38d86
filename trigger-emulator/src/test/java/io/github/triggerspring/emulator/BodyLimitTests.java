package io.github.triggerspring.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's size limits on request bodies, enforced before a body is read whole. The
 * requests over a limit are written on a raw socket and never completed: an emulator that
 * read the whole body before checking it would wait for the rest and never answer (the
 * socket's read timeout then fails the test).
 *
 * @author trigger-spring-boot contributors
 */
class BodyLimitTests extends EmulatorTestSupport {

	private static final String TRIGGER = "/api/v1/tasks/a/trigger";

	private static final String BATCHES = "/api/v3/batches";

	private static final String TOO_LARGE = "{\"error\":\"Request body too large\"}";

	private static final String ITEM_TOO_LARGE = "{\"error\":\"Batch item exceeds the maximum size of 3145728 bytes\"}";

	enum Limit {

		TRIGGER_BODY(TRIGGER, 3_145_728, "{\"payload\":1}", 200),

		CREATE_BATCH_BODY(BATCHES, 131_072, "{\"runCount\":1}", 202),

		CREATE_WAITPOINT_TOKEN_BODY("/api/v1/waitpoints/tokens", 10_240, "{}", 200),

		COMPLETE_WAITPOINT_TOKEN_BODY("/api/v1/waitpoints/tokens/waitpoint_nope/complete", 3_145_728, "{\"data\":1}",
				404);

		final String path;

		final int maxBytes;

		final String json;

		final int okStatus;

		Limit(String path, int maxBytes, String json, int okStatus) {
			this.path = path;
			this.maxBytes = maxBytes;
			this.json = json;
			this.okStatus = okStatus;
		}

	}

	@ParameterizedTest
	@EnumSource(Limit.class)
	void bodyOverTheLimitWithContentLengthIs413BeforeAnyOfItIsSent(Limit limit) {
		RawResponse response = sendWithContentLength(limit.path, "application/json", limit.maxBytes + 1,
				new byte[0]);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.body()).isEqualTo(TOO_LARGE);
		assertRejectedAndNotRecorded(limit.path);
	}

	@ParameterizedTest
	@EnumSource(Limit.class)
	void chunkedBodyOverTheLimitIs413AsSoonAsTheLimitIsPassed(Limit limit) {
		RawResponse response = sendChunked(limit.path, "application/json", padded(limit.json, limit.maxBytes + 1),
				false);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.body()).isEqualTo(TOO_LARGE);
		assertRejectedAndNotRecorded(limit.path);
	}

	@ParameterizedTest
	@EnumSource(Limit.class)
	void bodyAtTheLimitWithContentLengthIsAccepted(Limit limit) {
		byte[] body = padded(limit.json, limit.maxBytes);
		RawResponse response = sendWithContentLength(limit.path, "application/json", body.length, body);
		assertThat(response.status()).as(response.body()).isEqualTo(limit.okStatus);
		assertThat(emulator.journal().last().body()).hasSize(limit.maxBytes);
	}

	@ParameterizedTest
	@EnumSource(Limit.class)
	void chunkedBodyAtTheLimitIsAccepted(Limit limit) {
		RawResponse response = sendChunked(limit.path, "application/json", padded(limit.json, limit.maxBytes), true);
		assertThat(response.status()).as(response.body()).isEqualTo(limit.okStatus);
		assertThat(emulator.journal().last().body()).hasSize(limit.maxBytes);
	}

	@Test
	void callbackBodyOverThreeMebibytesIs413AndAChunkedOneWithoutContentLength411() {
		String id = post("/api/v1/waitpoints/tokens", DEV, "{}").json().get("id").asString();
		String callback = "/api/v1/waitpoints/tokens/" + id + "/callback/" + WaitpointsHandler.hmacHex(DEV, id);
		RawResponse tooLarge = sendWithContentLength(callback, "application/json", 3_145_729, new byte[0]);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.body()).isEqualTo(TOO_LARGE);
		RawResponse chunked = sendChunked(callback, "application/json", padded("{}", 100), true);
		assertThat(chunked.status()).isEqualTo(411);
		assertThat(chunked.body()).isEqualTo("{\"error\":\"Content-Length header is required\"}");
		assertThat(emulator.waitpointTokenStatus(id)).isEqualTo(EmulatedWaitpointStatus.WAITING);
		byte[] atTheLimit = padded("{}", 3_145_728);
		assertThat(sendWithContentLength(callback, "application/json", atTheLimit.length, atTheLimit).status())
			.isEqualTo(200);
		assertThat(emulator.waitpointTokenStatus(id)).isEqualTo(EmulatedWaitpointStatus.COMPLETED);
	}

	@Test
	void batchItemOverTheLimitWithContentLengthIs413BeforeTheRestOfTheBodyIsSent() {
		String items = createBatch();
		byte[] sent = concat(line("{\"index\":0,\"task\":\"a\"}"), padded("{\"index\":1,\"task\":\"a\"}", 3_145_729));
		RawResponse response = sendWithContentLength(items, "application/x-ndjson", sent.length + 1L, sent);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.body()).isEqualTo(ITEM_TOO_LARGE);
		assertNoItemAccepted(items);
	}

	@Test
	void chunkedBatchItemOverTheLimitIs413AsSoonAsTheLimitIsPassed() {
		String items = createBatch();
		byte[] sent = concat(line("{\"index\":0,\"task\":\"a\"}"), padded("{\"index\":1,\"task\":\"a\"}", 3_145_729));
		RawResponse response = sendChunked(items, "application/x-ndjson", sent, false);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.body()).isEqualTo(ITEM_TOO_LARGE);
		assertNoItemAccepted(items);
	}

	@Test
	void batchItemsAtTheLimitAreAccepted() {
		String items = createBatch();
		byte[] body = concat(line(padded("{\"index\":0,\"task\":\"a\"}", 3_145_728)),
				line(padded("{\"index\":1,\"task\":\"a\"}", 3_145_728)));
		RawResponse response = sendWithContentLength(items, "application/x-ndjson", body.length, body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(Json.parse(response.body()).get("itemsAccepted").asInt()).isEqualTo(2);
		assertThat(emulator.runCount()).isEqualTo(2);
	}

	@Test
	void chunkedBatchItemsAtTheLimitAreAccepted() {
		String items = createBatch();
		byte[] body = concat(line("{\"index\":0,\"task\":\"a\"}"), padded("{\"index\":1,\"task\":\"a\"}", 3_145_728));
		RawResponse response = sendChunked(items, "application/x-ndjson", body, true);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(Json.parse(response.body()).get("sealed").asBoolean()).isTrue();
		assertThat(emulator.runCount()).isEqualTo(2);
	}

	private static void assertRejectedAndNotRecorded(String path) {
		RecordedRequest request = emulator.journal().last();
		assertThat(request.path()).isEqualTo(path);
		assertThat(request.responseStatus()).isEqualTo(413);
		assertThat(request.body()).isEmpty();
		assertThat(emulator.runCount()).isZero();
		assertThat(emulator.journal().triggers()).isEmpty();
		assertThat(get("/api/v1/runs", DEV).status()).isEqualTo(200);
	}

	private static void assertNoItemAccepted(String items) {
		assertThat(emulator.journal().last().responseStatus()).isEqualTo(413);
		assertThat(emulator.runCount()).isZero();
		String batchId = items.split("/")[4];
		assertThat(get("/api/v2/batches/" + batchId, DEV).json().get("status").asString()).isEqualTo("PENDING");
	}

	private static String createBatch() {
		String batchId = post(BATCHES, DEV, "{\"runCount\":2}").json().get("id").asString();
		return BATCHES + "/" + batchId + "/items";
	}

	/** The JSON followed by spaces, {@code size} bytes in all. */
	private static byte[] padded(String json, int size) {
		byte[] bytes = Arrays.copyOf(json.getBytes(StandardCharsets.UTF_8), size);
		Arrays.fill(bytes, json.length(), size, (byte) ' ');
		return bytes;
	}

	private static byte[] line(String json) {
		return (json + "\n").getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] line(byte[] bytes) {
		return concat(bytes, new byte[] { '\n' });
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] result = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

	private static RawResponse sendWithContentLength(String path, String contentType, long contentLength,
			byte[] sent) {
		return exchange(path, contentType, "Content-Length: " + contentLength, (out) -> out.write(sent));
	}

	private static RawResponse sendChunked(String path, String contentType, byte[] sent, boolean last) {
		return exchange(path, contentType, "Transfer-Encoding: chunked", (out) -> {
			for (int offset = 0; offset < sent.length; offset += 65_536) {
				int length = Math.min(65_536, sent.length - offset);
				out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(sent, offset, length);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			if (last) {
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
		});
	}

	/**
	 * Write a request, maybe incomplete, and read the response without closing the
	 * request.
	 */
	private static RawResponse exchange(String path, String contentType, String framing, BodyWriter body) {
		try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + DEV
					+ "\r\nContent-Type: " + contentType + "\r\n" + framing + "\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			body.write(out);
			out.flush();
			return RawResponse.read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	private interface BodyWriter {

		void write(OutputStream out) throws IOException;

	}

	private record RawResponse(int status, Map<String, String> headers, String body) {

		static RawResponse read(InputStream in) throws IOException {
			String statusLine = readLine(in);
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
				int colon = header.indexOf(':');
				headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
			}
			int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
			return new RawResponse(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
		}

		private static String readLine(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b == -1) {
					throw new IOException("Connection closed before the response ended");
				}
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.US_ASCII);
		}

	}

}
