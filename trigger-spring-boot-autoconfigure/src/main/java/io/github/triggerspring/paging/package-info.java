/**
 * Cursor and offset pages, as the {@code listPage} methods return them.
 */
@NullMarked
package io.github.triggerspring.paging;

import org.jspecify.annotations.NullMarked;
