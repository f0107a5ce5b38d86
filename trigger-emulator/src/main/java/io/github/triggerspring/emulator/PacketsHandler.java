package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;

/**
 * The packets namespace and the emulated object storage behind it: hands out a presigned
 * URL of the emulator's own for a packet ({@code PUT /api/v2/packets/{filename}}), and
 * stores what is {@code PUT} to that URL, with no credential, as object storage does; hands
 * out download URLs for stored packets ({@code GET /api/v1/packets/{filename}}) and serves
 * them.
 * {@link TasksHandler} resolves {@code application/store} payloads from the stored
 * packets when it records a run.
 *
 * @param state all emulator data; the router holds its lock while a handler runs
 * @author trigger-spring-boot contributors
 */
record PacketsHandler(EmulatorState state) {

	/** Path of the presigned URLs, followed by the upload's token. */
	static final String OBJECT_STORE_PATH = "/packets/";

	ApiReply presign(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = principal.requireEnv();
		String storagePath = storagePath(env, call.params.get("filename"));
		String token = Ids.random(Ids.LOWER_ALNUM, 32);
		this.state.packets.put(storagePath, new PacketRecord(env, storagePath));
		this.state.packetUploads.put(token, storagePath);
		String presignedUrl = "http://" + call.header("Host") + OBJECT_STORE_PATH + token;
		return ApiReply.json(200, Json.object().put("presignedUrl", presignedUrl).put("storagePath", storagePath));
	}

	/** Where a packet of an environment is kept, by the filename the API names it with. */
	static String storagePath(EnvRecord env, String filename) {
		return "packets/" + env + "/" + filename;
	}

	/**
	 * {@code GET /api/v1/packets/{filename}}: a presigned URL of the emulator's own for
	 * downloading a stored packet of the caller's environment.
	 */
	ApiReply presignDownload(ApiCall call, ApiPrincipal principal) {
		String storagePath = storagePath(principal.requireEnv(), call.params.get("filename"));
		PacketRecord packet = this.state.packets.get(storagePath);
		if (packet == null || packet.data == null) {
			throw new ApiError(404, "Packet not found");
		}
		String token = Ids.random(Ids.LOWER_ALNUM, 32);
		this.state.packetDownloads.put(token, storagePath);
		String presignedUrl = "http://" + call.header("Host") + OBJECT_STORE_PATH + token;
		return ApiReply.json(200, Json.object().put("presignedUrl", presignedUrl));
	}

	/** {@code GET /packets/{token}}: a stored packet, with no credential, as object storage serves it. */
	ApiReply download(ApiCall call, ApiPrincipal principal) {
		String storagePath = this.state.packetDownloads.get(call.params.get("token"));
		PacketRecord packet = (storagePath != null) ? this.state.packets.get(storagePath) : null;
		if (packet == null) {
			return new ApiReply(404, "<Error><Code>NoSuchKey</Code></Error>").contentType("application/xml");
		}
		return new ApiReply(200, packet.data)
			.contentType((packet.contentType != null) ? packet.contentType : "application/json");
	}

	ApiReply store(ApiCall call, ApiPrincipal principal) {
		String storagePath = this.state.packetUploads.get(call.params.get("token"));
		if (storagePath == null) {
			throw new ApiError(403, "Access denied: unknown or expired presigned URL");
		}
		PacketRecord packet = this.state.packets.get(storagePath);
		packet.contentType = call.header("Content-Type");
		packet.data = new String(call.body, StandardCharsets.UTF_8);
		return new ApiReply(200, null);
	}

}
