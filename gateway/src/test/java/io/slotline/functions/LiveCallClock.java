package io.slotline.functions;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The gateway runs on the live-call tests' clock, the one the simulator is frozen at too. */
@TestConfiguration(proxyBeanMethods = false)
class LiveCallClock {

    @Bean
    @Primary
    Clock liveCallTestClock() {
        return LiveCallTest.CLOCK;
    }
}
