package io.github.triggerspring.tasks;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Uploads large payloads to object storage before they are triggered, as the SDK does
 * ({@code conditionallyExportPacket}): a payload of
 * {@value PayloadPacket#OFFLOAD_BYTES} bytes or more is named
 * {@code trigger/<taskId>/<epochMillis>-<random>/payload.<json|txt>}, a presigned URL is
 * asked for with {@code PUT /api/v2/packets/{filename}}, the serialized payload is
 * {@code PUT} to that URL, and the trigger then sends the storage path instead of the
 * payload. The payload's bytes are encoded once, for the upload.
 *
 * @author trigger-spring-boot contributors
 */
final class PayloadOffload {

	/** Random part of a packet's name: up to 11 base-36 digits. */
	private static final long RANDOM_BOUND = 131_621_703_842_267_136L;

	private final TriggerHttpClient http;

	PayloadOffload(TriggerHttpClient http) {
		this.http = http;
	}

	/**
	 * Uploads the packet if it is large enough.
	 * @param taskId the task the payload is for, part of the packet's name
	 * @param packet the serialized payload
	 * @param options the caller's per-call options, applied to both uploads
	 * @return the packet to send: the stored one, or the packet itself if it is small
	 */
	Mono<PayloadPacket> offload(String taskId, PayloadPacket packet, RequestOptions options) {
		String data = packet.data();
		if (data == null || !isRequired(packet)) {
			return Mono.just(packet);
		}
		return Mono.defer(() -> {
			String filename = filename(taskId, packet.dataType());
			return this.http
				.exchange(TriggerEndpoint.PACKETS_UPLOAD, AuthOptions.DEFAULT, options,
						(authorization) -> TriggerRequest.put("/api/v2/packets/{filename}", filename),
						PacketUrls.class)
				.flatMap((response) -> {
					PacketUrls urls = response.body();
					if (urls.presignedUrl() == null || urls.storagePath() == null || urls.storagePath().isEmpty()) {
						return Mono.error(new TriggerUnexpectedResponseException(response.status(),
								"The packet response has no 'presignedUrl' or 'storagePath', but both were expected.",
								null));
					}
					return this.http
						.upload(URI.create(urls.presignedUrl()), packet.dataType(),
								data.getBytes(StandardCharsets.UTF_8), options)
						.thenReturn(PayloadPacket.stored(urls.storagePath(), packet.size()));
				});
		});
	}

	/**
	 * Whether a packet is large enough to be uploaded before the trigger.
	 * @param packet the serialized payload
	 * @return whether {@link #offload} uploads it
	 */
	static boolean isRequired(PayloadPacket packet) {
		return packet.data() != null && packet.requiresOffload();
	}

	private String filename(String taskId, String dataType) {
		String random = Long.toString(this.http.random().nextLong(RANDOM_BOUND), 36);
		String extension = (PayloadPacket.TEXT.equals(dataType)) ? "txt" : "json";
		return "trigger/" + encodeUriComponent(taskId) + "/" + this.http.clock().millis() + "-" + random
				+ "/payload." + extension;
	}

	/** JavaScript's {@code encodeURIComponent}. */
	static String encodeUriComponent(String text) {
		StringBuilder encoded = new StringBuilder(text.length());
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "-_.!~*'()".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	/**
	 * Response of {@code PUT /api/v2/packets/{filename}}.
	 *
	 * @param presignedUrl where to upload the packet
	 * @param storagePath the path that names the stored packet in a trigger
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PacketUrls(@Nullable String presignedUrl, @Nullable String storagePath) {

	}

}
