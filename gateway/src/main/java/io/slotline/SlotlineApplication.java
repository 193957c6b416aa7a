package io.slotline;

import io.slotline.admin.ApplyCommand;
import io.slotline.admin.CalcomCheckCommand;
import io.slotline.console.ConsoleAccountCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SlotlineApplication {

    public static void main(String[] args) {
        if (ConsoleAccountCommand.requested(args)) {
            System.exit(ConsoleAccountCommand.run(SlotlineApplication.class, args));
        }
        if (CalcomCheckCommand.requested(args)) {
            System.exit(CalcomCheckCommand.run(SlotlineApplication.class, args));
        }
        if (ApplyCommand.requested(args)) {
            System.exit(ApplyCommand.run(SlotlineApplication.class, args));
        }
        SpringApplication.run(SlotlineApplication.class, args);
    }
}
