package io.slotline.console;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins: the attempt was refused without looking at the password. */
class SignInThrottledException extends AuthenticationException {

    private final Duration wait;

    SignInThrottledException(Duration wait) {
        super("too many failed sign-ins");
        this.wait = wait;
    }

    Duration waitFor() {
        return wait;
    }
}
