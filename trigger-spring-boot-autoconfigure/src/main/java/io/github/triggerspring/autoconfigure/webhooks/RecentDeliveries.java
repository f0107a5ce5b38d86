package io.github.triggerspring.autoconfigure.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the most recently published deliveries, so that a replayed delivery is
 * answered without being published again. Bounded: the oldest id is forgotten first.
 *
 * @author trigger-spring-boot contributors
 */
final class RecentDeliveries {

	private final int capacity;

	private final Map<String, Boolean> ids;

	RecentDeliveries(int capacity) {
		this.capacity = capacity;
		this.ids = new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > RecentDeliveries.this.capacity;
			}

		};
	}

	/**
	 * Remembers an id.
	 * @param id the delivery id
	 * @return {@code false} if it was already remembered, that is the delivery is a replay
	 */
	synchronized boolean remember(String id) {
		return this.capacity == 0 || this.ids.putIfAbsent(id, Boolean.TRUE) == null;
	}

	/**
	 * Forgets an id, so that its next delivery is published again.
	 * @param id the delivery id
	 */
	synchronized void forget(String id) {
		this.ids.remove(id);
	}

}
