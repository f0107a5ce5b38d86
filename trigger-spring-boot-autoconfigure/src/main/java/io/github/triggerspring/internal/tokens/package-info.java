/**
 * Public access tokens: reading the tokens that responses hand out and signing tokens
 * locally.
 * <p>
 * Internal: not API. Its types may change or disappear in any release, patch releases
 * included. Use the clients and the types of the non-internal packages instead.
 */
@NullMarked
package io.github.triggerspring.internal.tokens;

import org.jspecify.annotations.NullMarked;
