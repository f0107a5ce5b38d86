/**
 * HTTP layer shared by every client: headers, retries, timeouts and error mapping.
 */
@NullMarked
package io.github.triggerspring.http;

import org.jspecify.annotations.NullMarked;
