package dev.herald.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test in a real browser against the whole application: the shared
 * {@link ApplicationTest} context plus one Chromium for the class, which test methods
 * receive as a {@link Browser} parameter. Sign in with {@link Browser#signIn}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationTest
@ExtendWith(BrowserExtension.class)
@Tag("browser")
public @interface BrowserTest {

}
