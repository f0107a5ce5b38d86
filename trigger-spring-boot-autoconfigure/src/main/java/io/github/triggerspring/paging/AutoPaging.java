package io.github.triggerspring.paging;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns page-fetching functions into a {@link Flux} of items that fetches a page only
 * when downstream demand reaches it: a subscriber that takes ten items of a list with
 * pages of 25 causes one request.
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
		return cursorItems(null, fetch);
	}

	private static <T> Flux<T> cursorItems(@Nullable String cursor,
			Function<@Nullable String, Mono<CursorPage<T>>> fetch) {
		return onDemand(() -> fetch.apply(cursor).flatMapMany((page) -> Flux.fromIterable(page.data())
			.concatWith(page.hasNextPage() ? cursorItems(page.next(), fetch) : Flux.empty())));
	}

	/**
	 * Items of an offset-paginated list, following page numbers from 1.
	 * @param <T> the item type
	 * @param fetch fetches the page with the given number, starting at 1
	 * @return the items of every page, fetched on demand
	 */
	public static <T> Flux<T> byOffset(Function<Integer, Mono<OffsetPage<T>>> fetch) {
		return offsetItems(1, fetch);
	}

	private static <T> Flux<T> offsetItems(int pageNumber, Function<Integer, Mono<OffsetPage<T>>> fetch) {
		return onDemand(() -> fetch.apply(pageNumber).flatMapMany((page) -> Flux.fromIterable(page.data())
			.concatWith(page.hasNextPage() ? offsetItems(page.pagination().currentPage() + 1, fetch)
					: Flux.empty())));
	}

	/**
	 * Defers the supplied publisher until the subscriber requests at least one item, so
	 * that a page is not fetched merely because the previous one was used up.
	 */
	private static <T> Flux<T> onDemand(java.util.function.Supplier<Flux<T>> supplier) {
		return Flux.just(Boolean.TRUE).concatMap((ignored) -> supplier.get(), 0);
	}

}
