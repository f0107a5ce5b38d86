/**
 * Reading the deployments of an environment and promoting a deployed version.
 */
@NullMarked
package io.github.triggerspring.deployments;

import org.jspecify.annotations.NullMarked;
