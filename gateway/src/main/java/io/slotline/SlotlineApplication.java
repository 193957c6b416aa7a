package io.slotline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SlotlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(SlotlineApplication.class, args);
    }
}
