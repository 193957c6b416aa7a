package io.slotline.console;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a console sign-in against console_accounts: throttled first (a blocked username or address is refused
 * without checking the password), then the password. Unknown, inactive and wrong password look alike, and take
 * as long (an unknown username is checked against a dummy hash).
 */
@Component
class ConsoleAuthenticationProvider implements AuthenticationProvider {

    private final ConsoleAccounts accounts;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final String dummyHash;

    ConsoleAuthenticationProvider(ConsoleAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.dummyHash = Objects.requireNonNull(encoder.encode("not-a-password-anyone-has")); // null only for null
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = ConsoleAccountService.normalized(String.valueOf(authentication.getName()));
        String password = String.valueOf(authentication.getCredentials());
        String address = address(authentication.getDetails());
        throttle.blocked(username, address).ifPresent(wait -> {
            throw new SignInThrottledException(wait);
        });
        Optional<ConsoleAccounts.Stored> stored = username.isEmpty() ? Optional.empty() : accounts.byUsername(username);
        boolean matches = encoder.matches(
                password, stored.map(ConsoleAccounts.Stored::passwordHash).orElse(dummyHash));
        if (stored.isEmpty() || !matches || !stored.get().account().active()) {
            throttle.failed(username, address);
            throw new BadCredentialsException("bad credentials");
        }
        ConsoleAccount account = stored.get().account();
        throttle.succeeded(username);
        accounts.signedIn(account.id());
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
                ConsoleUser.of(account),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
        signedIn.setDetails(authentication.getDetails());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static @Nullable String address(@Nullable Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
