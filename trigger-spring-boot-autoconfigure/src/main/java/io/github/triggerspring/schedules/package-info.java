/**
 * Managing imperative schedules.
 */
@NullMarked
package io.github.triggerspring.schedules;

import org.jspecify.annotations.NullMarked;
