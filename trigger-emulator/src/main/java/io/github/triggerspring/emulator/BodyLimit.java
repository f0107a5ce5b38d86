package io.github.triggerspring.emulator;

import java.io.ByteArrayOutputStream;

import org.jspecify.annotations.Nullable;

/**
 * A size limit of the API on a request body: on the whole body (checked against
 * {@code Content-Length} before anything is read) or on each line of an NDJSON body.
 * The transport appends the body as it arrives and stops reading as soon as the limit is
 * passed, so an oversized body is never buffered whole.
 *
 * @author trigger-spring-boot contributors
 */
final class BodyLimit {

	/** Trigger request body ({@code TASK_PAYLOAD_MAXIMUM_SIZE}). */
	static final int MAX_TRIGGER_BODY = 3_145_728;

	/** Create-batch request body. */
	static final int MAX_CREATE_BATCH_BODY = 131_072;

	/** One NDJSON batch item ({@code STREAMING_BATCH_ITEM_MAXIMUM_SIZE}). */
	static final int MAX_BATCH_ITEM = 3_145_728;

	/** Create-waitpoint-token request body. */
	static final int MAX_CREATE_WAITPOINT_BODY = 10_240;

	/** No limit. */
	static final BodyLimit NONE = new BodyLimit(Long.MAX_VALUE, Long.MAX_VALUE);

	private static final int BUFFER_SIZE = 8192;

	private final long maxBody;

	private final long maxLine;

	private BodyLimit(long maxBody, long maxLine) {
		this.maxBody = maxBody;
		this.maxLine = maxLine;
	}

	/**
	 * A limit on the whole body.
	 * @param maxBytes the largest accepted body
	 * @return the limit
	 */
	static BodyLimit body(long maxBytes) {
		return new BodyLimit(maxBytes, Long.MAX_VALUE);
	}

	/**
	 * A limit on each line of the body, not counting the {@code \n} that ends it.
	 * @param maxBytes the largest accepted line
	 * @return the limit
	 */
	static BodyLimit line(long maxBytes) {
		return new BodyLimit(Long.MAX_VALUE, maxBytes);
	}

	/**
	 * The limit of the body of calls to an endpoint.
	 * @param endpoint the endpoint, or {@code null} for an unknown route
	 * @return the limit
	 */
	static BodyLimit of(@Nullable EmulatorEndpoint endpoint) {
		if (endpoint == null) {
			return NONE;
		}
		return switch (endpoint) {
			case TASK_TRIGGER -> body(MAX_TRIGGER_BODY);
			case TASK_BATCH_TRIGGER_CREATE -> body(MAX_CREATE_BATCH_BODY);
			case TASK_BATCH_TRIGGER_ITEMS -> line(MAX_BATCH_ITEM);
			case WAIT_CREATE_TOKEN -> body(MAX_CREATE_WAITPOINT_BODY);
			case WAIT_COMPLETE_TOKEN, WAIT_TOKEN_CALLBACK -> body(MAX_TRIGGER_BODY);
			default -> NONE;
		};
	}

	/**
	 * Start reading a body within this limit.
	 * @param contentLength the {@code Content-Length} header, or {@code null} (chunked)
	 * @return the body, to which the transport appends the bytes as they arrive
	 * @throws ApiError 413 when the declared length is over the limit
	 */
	Body start(@Nullable String contentLength) {
		long declared = parse(contentLength);
		if (declared > this.maxBody) {
			throw tooLarge();
		}
		return new Body((int) Math.max(BUFFER_SIZE, Math.min(declared, MAX_TRIGGER_BODY)));
	}

	/**
	 * A body being read within its limit, chunk by chunk.
	 */
	final class Body {

		private final ByteArrayOutputStream bytes;

		private long line;

		private Body(int initialSize) {
			this.bytes = new ByteArrayOutputStream(initialSize);
		}

		/**
		 * Append the next chunk of the body.
		 * @param chunk the bytes that arrived
		 * @throws ApiError 413 as soon as the body or one of its lines is over the limit
		 */
		void append(byte[] chunk) {
			if (this.bytes.size() + (long) chunk.length > BodyLimit.this.maxBody) {
				throw tooLarge();
			}
			for (byte b : chunk) {
				this.line = (b == '\n') ? 0 : this.line + 1;
				if (this.line > BodyLimit.this.maxLine) {
					throw new ApiError(ApiReply.error(413, "Batch item exceeds the maximum size of "
							+ BodyLimit.this.maxLine + " bytes").header("Connection", "close"));
				}
			}
			this.bytes.writeBytes(chunk);
		}

		/**
		 * The body read so far.
		 * @return the bytes
		 */
		byte[] bytes() {
			return this.bytes.toByteArray();
		}

	}

	private static ApiError tooLarge() {
		return new ApiError(ApiReply.error(413, "Request body too large").header("Connection", "close"));
	}

	private static long parse(@Nullable String contentLength) {
		if (contentLength == null) {
			return -1;
		}
		try {
			return Long.parseLong(contentLength.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
