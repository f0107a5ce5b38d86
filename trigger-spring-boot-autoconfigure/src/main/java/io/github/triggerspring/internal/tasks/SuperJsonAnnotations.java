package io.github.triggerspring.internal.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.NamedThreadLocal;

/**
 * The superjson type annotations of one payload ({@code meta.values}), recorded while
 * the payload is written: each special value records its type at the path where it ended
 * up in the JSON, so the path follows the application's property names.
 * <p>
 * {@link #values()} minimises them as superjson does: the annotations inside plain
 * objects and arrays are flattened into dot-separated paths, keys escaped as superjson
 * escapes them ({@code .} as {@code \.}), while a transformed value that holds
 * annotated values (a set or a map) gets the tree {@code [type, {path: tree}]}, its
 * paths relative to it (a map's entries are {@code <row>.0} for the key and
 * {@code <row>.1} for the value).
 *
 * @author trigger-spring-boot contributors
 */
final class SuperJsonAnnotations {

	/**
	 * The annotations of the payload being written on this thread: a payload is written
	 * synchronously, and a thread-local spares the copy of the writer's configuration
	 * that a per-call attribute would cost.
	 */
	private static final ThreadLocal<@Nullable SuperJsonAnnotations> WRITING = new NamedThreadLocal<>(
			"superjson annotations");

	/** The annotated paths, from the first annotation on; most payloads have none. */
	private @Nullable Node root;

	private int suspended;

	/**
	 * The annotations of the payload being written on this thread.
	 * @return the annotations, or {@code null} when no payload is being written
	 */
	static @Nullable SuperJsonAnnotations writing() {
		return WRITING.get();
	}

	/**
	 * Makes these the annotations of the payload being written on this thread, until the
	 * returned scope is closed.
	 * @return the scope, which restores the annotations that were being written before
	 */
	Scope write() {
		SuperJsonAnnotations outer = WRITING.get();
		WRITING.set(this);
		return () -> WRITING.set(outer);
	}

	/**
	 * Records the type of the value that was just written.
	 * @param context the write context right after the value
	 * @param type the superjson type, for example {@code Date}
	 */
	void record(TokenStreamContext context, String type) {
		if (this.suspended > 0) {
			return;
		}
		List<String> path = new ArrayList<>();
		for (TokenStreamContext current = context; current != null && !current.inRoot(); current = current
			.getParent()) {
			path.add(current.inArray() ? Integer.toString(current.getCurrentIndex()) : current.currentName());
		}
		Collections.reverse(path);
		Node node = this.root;
		if (node == null) {
			node = new Node();
			this.root = node;
		}
		for (String key : path) {
			node = node.children.computeIfAbsent(key, (ignored) -> new Node());
		}
		node.type = type;
	}

	/** Stops recording, for writes that do not end up in the payload. */
	void suspend() {
		this.suspended++;
	}

	/** Resumes recording after {@link #suspend()}. */
	void resume() {
		this.suspended--;
	}

	/**
	 * The {@code meta.values} member: an array when the payload itself is annotated, an
	 * object otherwise, or {@code null} when nothing was annotated.
	 */
	@Nullable JsonNode values() {
		Node annotated = this.root;
		if (annotated == null) {
			// most payloads: nothing to minimise
			return null;
		}
		return tree(annotated);
	}

	private static @Nullable JsonNode tree(Node node) {
		Map<String, JsonNode> entries = new LinkedHashMap<>();
		node.children.forEach((key, child) -> {
			JsonNode subtree = tree(child);
			if (subtree instanceof ArrayNode) {
				entries.put(escape(key), subtree);
			}
			else if (subtree instanceof ObjectNode flattened) {
				flattened.properties().forEach((entry) -> entries.put(escape(key) + "." + entry.getKey(), entry.getValue()));
			}
		});
		ObjectNode inner = inJavaScriptOrder(entries);
		if (node.type != null) {
			ArrayNode annotated = JsonNodeFactory.instance.arrayNode().add(node.type);
			return inner.isEmpty() ? annotated : annotated.add(inner);
		}
		return inner.isEmpty() ? null : inner;
	}

	/**
	 * An object with the entries in the order a JavaScript object keeps them, so that
	 * {@code meta} reads as superjson writes it: array-index keys first, ascending, then
	 * the other keys in insertion order.
	 */
	private static ObjectNode inJavaScriptOrder(Map<String, JsonNode> entries) {
		ObjectNode object = JsonNodeFactory.instance.objectNode();
		entries.keySet()
			.stream()
			.filter(SuperJsonAnnotations::isArrayIndex)
			.sorted(Comparator.comparingLong(Long::parseLong))
			.forEach((key) -> object.set(key, entries.get(key)));
		entries.forEach((key, value) -> {
			if (!isArrayIndex(key)) {
				object.set(key, value);
			}
		});
		return object;
	}

	/** Whether JavaScript treats a property key as an array index: 0 to 2<sup>32</sup> - 2. */
	private static boolean isArrayIndex(String key) {
		if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			if (key.charAt(i) < '0' || key.charAt(i) > '9') {
				return false;
			}
		}
		return Long.parseLong(key) <= 4_294_967_294L;
	}

	/**
	 * Escapes a key as superjson's {@code escapeKey} does in the version the SDK bundles
	 * (2.2.1): dots only. (That version leaves the key of an annotated value itself
	 * unescaped, which its own parser then splits at the dot; it is escaped here too.)
	 */
	static String escape(String key) {
		return key.replace(".", "\\.");
	}

	private static final class Node {

		private @Nullable String type;

		private final Map<String, Node> children = new LinkedHashMap<>();

	}

	/**
	 * The time during which annotations are those of the payload being written.
	 */
	interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
