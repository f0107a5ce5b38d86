/**
 * Triggering tasks, one at a time or in batches.
 */
@NullMarked
package io.github.triggerspring.tasks;

import org.jspecify.annotations.NullMarked;
