package io.github.triggerspring.test.testcontainers;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.triggerspring.emulator.TriggerEmulatorMain;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.logging.LoggingHandler;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.AttributeKey;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the emulator and its dependencies come from on the current classpath: jars, or
 * directories of classes such as {@code trigger-emulator/target/classes} when a reactor
 * build runs the tests before the emulator is packaged.
 *
 * @author trigger-spring-boot contributors
 */
final class EmulatorClasspath {

	/**
	 * One class of each jar the emulator runs on: Jackson, and Reactor Netty's HTTP server
	 * with the Netty modules it loads (without the native transports: the image uses NIO,
	 * whatever its platform).
	 */
	private static final List<Class<?>> ROOTS = List.of(TriggerEmulatorMain.class, JsonMapper.class,
			JsonParser.class, JsonProperty.class, HttpServer.class, DisposableServer.class, Mono.class,
			Publisher.class, AttributeKey.class, ByteBuf.class, Channel.class, ByteToMessageDecoder.class,
			ZlibCodecFactory.class, HttpServerCodec.class, Http2Settings.class, LoggingHandler.class,
			AddressResolverGroup.class, DomainSocketAddress.class);

	private final List<Path> jars;

	private final List<Path> directories;

	private EmulatorClasspath(List<Path> jars, List<Path> directories) {
		this.jars = jars;
		this.directories = directories;
	}

	/**
	 * Locates the code of the emulator and of its dependencies.
	 * @return the classpath
	 * @throws IllegalStateException if a code source is not a jar or a directory
	 */
	static EmulatorClasspath locate() {
		Set<Path> entries = new LinkedHashSet<>();
		for (Class<?> root : ROOTS) {
			entries.add(codeSource(root));
		}
		List<Path> jars = new ArrayList<>();
		List<Path> directories = new ArrayList<>();
		for (Path entry : entries) {
			if (Files.isDirectory(entry)) {
				directories.add(entry);
			}
			else if (Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".jar")) {
				jars.add(entry);
			}
			else {
				throw new IllegalStateException("Cannot copy " + entry + " into the Trigger.dev emulator image: "
						+ "it is neither a jar nor a directory of classes");
			}
		}
		return new EmulatorClasspath(List.copyOf(jars), List.copyOf(directories));
	}

	private static Path codeSource(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		if (source == null || source.getLocation() == null) {
			throw new IllegalStateException("Cannot locate the code of " + type.getName()
					+ ", needed to build the Trigger.dev emulator image");
		}
		try {
			return Path.of(source.getLocation().toURI());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot locate the code of " + type.getName() + " at "
					+ source.getLocation() + ", needed to build the Trigger.dev emulator image", ex);
		}
	}

	/**
	 * Jars to copy into {@code /app/lib}.
	 * @return the jars
	 */
	List<Path> jars() {
		return this.jars;
	}

	/**
	 * Directories of classes to copy into {@code /app/classes/<index>}.
	 * @return the directories
	 */
	List<Path> directories() {
		return this.directories;
	}

}
