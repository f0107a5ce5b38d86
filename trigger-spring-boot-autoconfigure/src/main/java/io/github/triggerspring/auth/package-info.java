/**
 * Credentials, the endpoint/credential table and the strategy that authorizes each call.
 */
@NullMarked
package io.github.triggerspring.auth;

import org.jspecify.annotations.NullMarked;
