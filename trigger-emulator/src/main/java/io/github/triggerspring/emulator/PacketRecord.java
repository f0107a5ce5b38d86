package io.github.triggerspring.emulator;

import org.jspecify.annotations.Nullable;

/**
 * A payload packet in the emulated object storage: named by the API, then uploaded to
 * its presigned URL.
 *
 * @author trigger-spring-boot contributors
 */
final class PacketRecord {

	final EnvRecord env;

	final String storagePath;

	@Nullable String contentType;

	@Nullable String data;

	PacketRecord(EnvRecord env, String storagePath) {
		this.env = env;
		this.storagePath = storagePath;
	}

}
