/**
 * Per-call options and the retry policy of calls.
 */
@NullMarked
package io.github.triggerspring.http;

import org.jspecify.annotations.NullMarked;
