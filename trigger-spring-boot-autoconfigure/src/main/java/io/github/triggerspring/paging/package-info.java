/**
 * Cursor and offset pages, and demand-driven auto-pagination.
 */
@NullMarked
package io.github.triggerspring.paging;

import org.jspecify.annotations.NullMarked;
