/**
 * Managing the queues of an environment: listing, pausing and concurrency limits.
 */
@NullMarked
package io.github.triggerspring.queues;

import org.jspecify.annotations.NullMarked;
