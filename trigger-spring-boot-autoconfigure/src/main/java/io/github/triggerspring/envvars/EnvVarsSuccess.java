package io.github.triggerspring.envvars;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of the responses to {@code envvars.create}, {@code update}, {@code del} and
 * {@code upload}.
 *
 * @param success whether the server applied the change
 * @author trigger-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EnvVarsSuccess(boolean success) {

}
