/**
 * Public access tokens ({@code auth.*}): minting scoped, short-lived JWTs for frontends,
 * and the tokens that trigger and batch responses hand out.
 */
@NullMarked
package io.github.triggerspring.tokens;

import org.jspecify.annotations.NullMarked;
