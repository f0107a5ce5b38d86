/**
 * Realtime subscriptions to runs, on the vendor's ElectricSQL shape protocol.
 */
@NullMarked
package io.github.triggerspring.realtime;

import org.jspecify.annotations.NullMarked;
