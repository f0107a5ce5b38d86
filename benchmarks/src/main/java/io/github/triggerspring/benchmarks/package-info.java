/**
 * Benchmark harness of the starter: the measured application, its child JVMs, the
 * stand-in server and the report.
 */
@NullMarked
package io.github.triggerspring.benchmarks;

import org.jspecify.annotations.NullMarked;
