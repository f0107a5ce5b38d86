package io.github.triggerspring.internal.paging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.triggerspring.paging.CursorPage;
import io.github.triggerspring.paging.OffsetPage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoPaging}.
 *
 * @author trigger-spring-boot contributors
 */
class AutoPagingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final List<@Nullable String> cursorsFetched = new ArrayList<>();

	private final List<Integer> pageNumbersFetched = new ArrayList<>();

	/** Three cursor pages: a1,a2 → b1,b2 → c1. */
	private final Function<@Nullable String, Mono<CursorPage<String>>> cursorPages = (cursor) -> Mono.fromCallable(() -> {
		this.cursorsFetched.add(cursor);
		if (cursor == null) {
			return new CursorPage<>(List.of("a1", "a2"), new CursorPage.Cursors("b", null));
		}
		if (cursor.equals("b")) {
			return new CursorPage<>(List.of("b1", "b2"), new CursorPage.Cursors("c", "a"));
		}
		return new CursorPage<>(List.of("c1"), new CursorPage.Cursors(null, "b"));
	});

	/** Three offset pages: 1,2 → 3,4 → 5. */
	private final Function<Integer, Mono<OffsetPage<Integer>>> offsetPages = (page) -> Mono.fromCallable(() -> {
		this.pageNumbersFetched.add(page);
		List<Integer> data = (page < 3) ? List.of(page * 2 - 1, page * 2) : List.of(5);
		return new OffsetPage<>(data, new OffsetPage.Pagination(page, 3, 5));
	});

	@Test
	void byCursorFollowsNextCursorsUntilTheLastPage() {
		StepVerifier.create(AutoPaging.byCursor(this.cursorPages))
			.expectNext("a1", "a2", "b1", "b2", "c1")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.cursorsFetched).containsExactly(null, "b", "c");
	}

	@Test
	void byCursorFetchesNothingBeforeSubscription() {
		Flux<String> items = AutoPaging.byCursor(this.cursorPages);
		assertThat(items).isNotNull();
		assertThat(this.cursorsFetched).isEmpty();
	}

	@Test
	void byCursorFetchesNothingWithoutDemand() {
		StepVerifier.create(AutoPaging.byCursor(this.cursorPages), 0)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> assertThat(this.cursorsFetched).isEmpty())
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.cursorsFetched).isEmpty();
	}

	@Test
	void byCursorFetchesTheNextPageOnlyWhenDemandReachesIt() {
		StepVerifier.create(AutoPaging.byCursor(this.cursorPages), 0)
			.thenRequest(2)
			.expectNext("a1", "a2")
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> assertThat(this.cursorsFetched).containsExactly((String) null))
			.thenRequest(1)
			.expectNext("b1")
			.then(() -> assertThat(this.cursorsFetched).containsExactly(null, "b"))
			.thenRequest(1)
			.expectNext("b2")
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> assertThat(this.cursorsFetched).containsExactly(null, "b"))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.cursorsFetched).containsExactly(null, "b");
	}

	@Test
	void byCursorTakeWithinTheFirstPageFetchesOnePage() {
		StepVerifier.create(AutoPaging.byCursor(this.cursorPages).take(2))
			.expectNext("a1", "a2")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.cursorsFetched).containsExactly((String) null);
	}

	@Test
	void byCursorStopsAtAnEmptyPageWithoutCursor() {
		StepVerifier.create(AutoPaging.<String>byCursor((cursor) -> {
			this.cursorsFetched.add(cursor);
			return Mono.just(new CursorPage<>(List.of(), null));
		})).expectComplete().verify(TIMEOUT);
		assertThat(this.cursorsFetched).containsExactly((String) null);
	}

	@Test
	void byCursorSignalsTheErrorOfAPageAfterTheItemsBeforeIt() {
		IllegalStateException failure = new IllegalStateException("page b failed");
		StepVerifier.create(AutoPaging.<String>byCursor((cursor) -> (cursor == null)
				? Mono.just(new CursorPage<>(List.of("a1"), new CursorPage.Cursors("b", null)))
				: Mono.error(failure)))
			.expectNext("a1")
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure))
			.verify(TIMEOUT);
	}

	@Test
	void byOffsetFollowsPageNumbersUntilTheLastPage() {
		StepVerifier.create(AutoPaging.byOffset(this.offsetPages))
			.expectNext(1, 2, 3, 4, 5)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.pageNumbersFetched).containsExactly(1, 2, 3);
	}

	@Test
	void byOffsetFetchesTheNextPageOnlyWhenDemandReachesIt() {
		StepVerifier.create(AutoPaging.byOffset(this.offsetPages), 0)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> assertThat(this.pageNumbersFetched).isEmpty())
			.thenRequest(2)
			.expectNext(1, 2)
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> assertThat(this.pageNumbersFetched).containsExactly(1))
			.thenRequest(1)
			.expectNext(3)
			.then(() -> assertThat(this.pageNumbersFetched).containsExactly(1, 2))
			.thenCancel()
			.verify(TIMEOUT);
	}

	@Test
	void byOffsetTakeWithinTheFirstPageFetchesOnePage() {
		StepVerifier.create(AutoPaging.byOffset(this.offsetPages).take(1))
			.expectNext(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.pageNumbersFetched).containsExactly(1);
	}

	@Test
	void byCursorFollowsThousandsOfPagesWithoutOverflowingTheStack() {
		int pages = 5000;
		StepVerifier.create(AutoPaging.<Integer>byCursor((cursor) -> {
			int number = (cursor != null) ? Integer.parseInt(cursor) : 1;
			String next = (number < pages) ? Integer.toString(number + 1) : null;
			return Mono.just(new CursorPage<>(List.of(number), new CursorPage.Cursors(next, null)));
		}).count()).expectNext((long) pages).expectComplete().verify(TIMEOUT);
	}

}
