package io.slotline.demo;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a new user what to try; the keys printed here exist only in demo mode. */
@Component
@Profile("demo")
class DemoBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

    private final DemoProperties properties;

    DemoBanner(DemoProperties properties) {
        this.properties = properties;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = Objects.requireNonNull(web.getWebServer()).getPort();
        log.info(
                """

                ==================================================================
                 Slotline demo is running
                   gateway           http://localhost:{}
                   Cal.com simulator {}
                   demo number       +4930120000 (Demo Salon, Berlin Mitte)
                   Retell API key    key_demo   (signs X-Retell-Signature; demo only)
                   Cal.com API key   cal_demo
                   admin token       admin_demo
                   console           http://localhost:{}/console
                                     operator / operator_demo (all companies), salon / salon_demo (Demo Salon)
                   try: scripts/call.sh check_availability '{"service":"Herrenhaarschnitt","date":"morgen","time":"14:00"}'
                ==================================================================""",
                port,
                properties.embeddedSimulator()
                        ? "http://localhost:" + properties.simulatorPort()
                        : "(external, see slotline.calcom.base-url)",
                port);
    }
}
