package io.slotline.sim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CalcomSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(CalcomSimulatorApplication.class, args);
    }
}
