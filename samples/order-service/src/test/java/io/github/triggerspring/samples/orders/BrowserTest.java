package io.github.triggerspring.samples.orders;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that drive a {@link HeadlessChromium headless Chromium}: without
 * {@code chromium} and {@code chromedriver} they are skipped on a developer machine, but
 * run (and fail loudly) when the environment variable {@code CI} is {@code true}.
 *
 * @author trigger-spring-boot contributors
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrowserTestCondition.class)
@interface BrowserTest {

}
