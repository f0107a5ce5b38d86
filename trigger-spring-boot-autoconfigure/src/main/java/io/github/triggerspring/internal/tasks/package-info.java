/**
 * Run tag validation and the SuperJSON format of payloads and outputs.
 * <p>
 * Internal: not API. Its types may change or disappear in any release, patch releases
 * included. Use the clients and the types of the non-internal packages instead.
 */
@NullMarked
package io.github.triggerspring.internal.tasks;

import org.jspecify.annotations.NullMarked;
