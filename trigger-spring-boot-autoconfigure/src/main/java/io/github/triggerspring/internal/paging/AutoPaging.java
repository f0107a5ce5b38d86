package io.github.triggerspring.internal.paging;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.triggerspring.paging.CursorPage;
import io.github.triggerspring.paging.OffsetPage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Turns page-fetching functions into a {@link Flux} of items that fetches a page only
 * when downstream demand reaches it: a subscriber that takes ten items of a list with
 * pages of 25 causes one request. Any number of pages can be followed: pages are fetched
 * one after the other, not by nesting one subscription in another.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class AutoPaging {

	private AutoPaging() {
	}

	/**
	 * Items of a cursor-paginated list, following {@code next} cursors.
	 * @param <T> the item type
	 * @param fetch fetches the page after the given cursor ({@code null} for the first)
	 * @return the items of every page, fetched on demand
	 */
	public static <T> Flux<T> byCursor(Function<@Nullable String, Mono<CursorPage<T>>> fetch) {
		return follow(null, fetch, CursorPage::data, CursorPage::next);
	}

	/**
	 * Items of an offset-paginated list, following page numbers from 1.
	 * @param <T> the item type
	 * @param fetch fetches the page with the given number, starting at 1
	 * @return the items of every page, fetched on demand
	 */
	public static <T> Flux<T> byOffset(Function<Integer, Mono<OffsetPage<T>>> fetch) {
		return follow(1, fetch, OffsetPage::data,
				(page) -> page.hasNextPage() ? page.pagination().currentPage() + 1 : null);
	}

	/**
	 * Fetches the page for {@code first}, then for each next key until a page has none.
	 * Each subscription keeps its own position.
	 */
	private static <K, P, T> Flux<T> follow(@Nullable K first, Function<K, Mono<P>> fetch,
			Function<P, List<T>> items, Function<P, @Nullable K> nextKey) {
		return Flux.defer(() -> {
			AtomicReference<@Nullable K> key = new AtomicReference<>(first);
			AtomicBoolean hasMore = new AtomicBoolean();
			return onDemand(() -> {
				hasMore.set(false);
				return fetch.apply(key.get()).flatMapIterable((page) -> {
					K next = nextKey.apply(page);
					key.set(next);
					hasMore.set(next != null);
					return items.apply(page);
				});
			}).repeat(hasMore::get);
		});
	}

	/**
	 * Defers the supplied publisher until the subscriber requests at least one item, so
	 * that a page is not fetched merely because the previous one was used up. (A
	 * {@code concatMap} without prefetch does not do this: it requests its trigger as soon
	 * as it is subscribed.)
	 */
	private static <T> Flux<T> onDemand(Supplier<Flux<T>> supplier) {
		return Flux.defer(() -> {
			Sinks.Empty<Void> firstRequest = Sinks.empty();
			return Flux.defer(supplier)
				.delaySubscription(firstRequest.asMono())
				.doOnRequest((ignored) -> firstRequest.tryEmitEmpty());
		});
	}

}
