package io.github.triggerspring.paging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One page of an offset-paginated list (schedules, queues).
 *
 * @param <T> the item type
 * @param data the items of this page
 * @param pagination the page numbers
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OffsetPage<T>(List<T> data, Pagination pagination) {

	/**
	 * Normalizes missing members.
	 * @param data the items
	 * @param pagination the page numbers
	 */
	public OffsetPage {
		data = (data != null) ? List.copyOf(data) : List.of();
		pagination = (pagination != null) ? pagination : new Pagination(1, 1, data.size());
	}

	/**
	 * Whether a next page exists.
	 * @return whether the current page is before the last one
	 */
	public boolean hasNextPage() {
		return this.pagination.currentPage() < this.pagination.totalPages();
	}

	/**
	 * Page numbers of an offset page.
	 *
	 * @param currentPage this page's number, starting at 1
	 * @param totalPages number of pages
	 * @param count number of items in all pages
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Pagination(int currentPage, int totalPages, int count) {

	}

}
