package io.slotline.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The Cal.com check from the command line, like {@link ApplyCommand}:
 * {@code java -jar slotline-gateway-exec.jar calcom-check <company slug or id> [--base-url=https://slotline.example]}
 * (or {@code --slotline.calcom-check=<company>}) checks the company's live Cal.com account as
 * {@code GET /admin/api/companies/{id}/calcom/check} does, prints the findings in plain words with what to fix and
 * exits without starting the web server. {@code --base-url} is where Cal.com reaches this gateway (for the webhook
 * check; default {@code slotline.public-base-url}). Spring arguments such as
 * {@code --spring.profiles.active=postgres} work as usual.
 */
public final class CalcomCheckCommand {

    static final String COMPANY_PROPERTY = "slotline.calcom-check";
    static final String BASE_URL_PROPERTY = "slotline.calcom-check-base-url";
    static final String COMMAND = "calcom-check";

    /** Exit codes: nothing to fix, something must be fixed, the command was used wrong or the company is unknown. */
    static final int OK = 0;

    static final int MUST_FIX = 1;
    static final int USAGE = 2;

    private CalcomCheckCommand() {}

    public static boolean requested(String[] args) {
        return Arrays.stream(args)
                .anyMatch(arg -> COMMAND.equals(arg) || arg.startsWith("--" + COMPANY_PROPERTY + "="));
    }

    /** @return the process exit code: 0 nothing to fix, 1 something must be fixed, 2 usage error or unknown company */
    public static int run(Class<?> application, String[] args) {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        int command = arguments.indexOf(COMMAND);
        if (command >= 0) {
            arguments.remove(command);
            if (command >= arguments.size() || arguments.get(command).startsWith("--")) {
                System.err.println("usage: java -jar slotline-gateway-exec.jar calcom-check <company slug or id> "
                        + "[--base-url=https://where-calcom-reaches-slotline] [--spring.profiles.active=postgres]");
                return USAGE;
            }
            arguments.set(command, "--" + COMPANY_PROPERTY + "=" + arguments.get(command));
        }
        arguments.replaceAll(arg -> arg.startsWith("--base-url=")
                ? "--" + BASE_URL_PROPERTY + "=" + arg.substring("--base-url=".length())
                : arg);
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    // the findings are the output; a log line only when something went wrong
                    .properties("logging.level.root=warn", "logging.level.io.slotline=warn")
                    .run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            System.err.println("calcom-check failed: "
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return MUST_FIX;
        }
        return SpringApplication.exit(context);
    }
}
