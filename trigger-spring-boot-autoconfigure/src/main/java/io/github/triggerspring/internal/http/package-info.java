/**
 * The HTTP layer shared by every client: authorization, headers, retries, timeouts,
 * error mapping and the library's own JSON mapper.
 * <p>
 * Internal: not API. Its types may change or disappear in any release, patch releases
 * included. Use the clients and the types of the non-internal packages instead.
 */
@NullMarked
package io.github.triggerspring.internal.http;

import org.jspecify.annotations.NullMarked;
