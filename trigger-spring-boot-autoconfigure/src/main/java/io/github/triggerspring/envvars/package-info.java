/**
 * Managing a project's environment variables.
 */
@NullMarked
package io.github.triggerspring.envvars;

import org.jspecify.annotations.NullMarked;
