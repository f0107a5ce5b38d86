package io.github.triggerspring.emulator;

/**
 * A payload packet in the emulated object storage: named by the API, then uploaded to
 * its presigned URL.
 *
 * @author trigger-spring-boot contributors
 */
final class PacketRecord {

	final EnvRecord env;

	final String storagePath;

	String contentType;

	String data;

	PacketRecord(EnvRecord env, String storagePath) {
		this.env = env;
		this.storagePath = storagePath;
	}

}
