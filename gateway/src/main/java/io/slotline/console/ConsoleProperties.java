package io.slotline.console;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sessionTimeout a signed-in session ends after this long without a request
 * @param sessionMaxAge  and after this long in any case (an open live page keeps a session busy)
 * @param timeZone       "today" and the times shown to an operator looking at all companies (a company's own
 *                       view uses the company's time zone)
 * @param liveInterval   how often the live views look for changes
 * @param signIn         how failed sign-ins are slowed down
 */
@ConfigurationProperties("slotline.console")
record ConsoleProperties(
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue("12h") Duration sessionMaxAge,
        @DefaultValue("Europe/Berlin") ZoneId timeZone,
        @DefaultValue("2s") Duration liveInterval,
        @DefaultValue SignIn signIn) {

    ConsoleProperties {
        if (sessionTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("slotline.console.session-timeout must be at least 1 minute");
        }
        if (liveInterval.compareTo(Duration.ofMillis(200)) < 0) {
            throw new IllegalArgumentException("slotline.console.live-interval must be at least 200ms");
        }
    }

    /**
     * @param maxFailures            failures in a row for one username before it is blocked
     * @param maxFailuresPerAddress  failures in a row from one client address (any usernames) before it is blocked
     * @param window                 failures older than this (since the last one) are forgotten
     * @param firstBlock             the first block; each further failure doubles it
     * @param maxBlock               the longest block
     */
    record SignIn(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue("30s") Duration firstBlock,
            @DefaultValue("15m") Duration maxBlock) {

        SignIn {
            if (maxFailures < 1 || maxFailuresPerAddress < 1) {
                throw new IllegalArgumentException("slotline.console.sign-in.max-failures must be at least 1");
            }
        }
    }
}
