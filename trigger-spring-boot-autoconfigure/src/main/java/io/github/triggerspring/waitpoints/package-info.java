/**
 * Waitpoint tokens ({@code wait.*} outside a task): creating, listing, retrieving and
 * completing the tokens that runs wait for.
 */
@NullMarked
package io.github.triggerspring.waitpoints;

import org.jspecify.annotations.NullMarked;
