package io.github.triggerspring.paging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One page of a cursor-paginated list.
 *
 * @param <T> the item type
 * @param data the items of this page
 * @param pagination the cursors to the neighbouring pages
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CursorPage<T>(List<T> data, Cursors pagination) {

	/**
	 * Normalizes missing members.
	 * @param data the items
	 * @param pagination the cursors
	 */
	public CursorPage {
		data = (data != null) ? List.copyOf(data) : List.of();
		pagination = (pagination != null) ? pagination : new Cursors(null, null);
	}

	/**
	 * Cursor of the next page.
	 * @return the cursor to pass as {@code after}, or {@code null} on the last page
	 */
	public @Nullable String next() {
		return this.pagination.next();
	}

	/**
	 * Cursor of the previous page.
	 * @return the cursor to pass as {@code before}, or {@code null} on the first page
	 */
	public @Nullable String previous() {
		return this.pagination.previous();
	}

	/**
	 * Whether a next page exists.
	 * @return whether {@link #next()} is set
	 */
	public boolean hasNextPage() {
		return this.pagination.next() != null;
	}

	/**
	 * Whether a previous page exists.
	 * @return whether {@link #previous()} is set
	 */
	public boolean hasPreviousPage() {
		return this.pagination.previous() != null;
	}

	/**
	 * Cursors of a page.
	 *
	 * @param next cursor of the next page, or {@code null}
	 * @param previous cursor of the previous page, or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Cursors(@Nullable String next, @Nullable String previous) {

	}

}
