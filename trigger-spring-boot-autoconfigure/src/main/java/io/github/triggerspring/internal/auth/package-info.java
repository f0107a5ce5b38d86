/**
 * Masking of credentials in messages and logs.
 * <p>
 * Internal: not API. Its types may change or disappear in any release, patch releases
 * included. Use the clients and the types of the non-internal packages instead.
 */
@NullMarked
package io.github.triggerspring.internal.auth;

import org.jspecify.annotations.NullMarked;
