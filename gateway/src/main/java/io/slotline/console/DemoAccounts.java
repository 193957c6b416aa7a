package io.slotline.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode's operator account {@code operator} / {@code operator_demo} (every company), after the demo tenants
 * (whose file brings {@code salon} / {@code salon_demo} for Demo Salon). Public by design, like admin_demo.
 */
@Component
@ConditionalOnProperty(name = "slotline.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DemoAccounts implements ApplicationRunner {

    static final String OPERATOR = "operator";
    static final String OPERATOR_PASSWORD = "operator_demo";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final ConsoleAccountService accounts;

    DemoAccounts(ConsoleAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            var applied = accounts.apply(new ConsoleAccountService.AccountSpec(
                    OPERATOR, OPERATOR_PASSWORD, null, AccountRole.OPERATOR, null, null, true));
            log.debug("Demo console operator account: {}", applied.outcome());
        } catch (ConsoleAccountException e) {
            // another instance created it at the same moment
            log.debug("Demo console operator account not applied: {}", e.getMessage());
        }
    }
}
