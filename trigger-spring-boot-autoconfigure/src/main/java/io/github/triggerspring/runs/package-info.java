/**
 * Listing, retrieving, cancelling and replaying runs.
 */
@NullMarked
package io.github.triggerspring.runs;

import org.jspecify.annotations.NullMarked;
