package io.slotline.console;

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
 * The command line for console accounts, like {@code apply}: without starting the web server it creates the
 * account or sets its password, against the configured database, and exits.
 *
 * <pre>
 * java -jar slotline-gateway-exec.jar console-account &lt;username&gt; (--operator | --company=&lt;slug&gt;)
 *     [--language=de|en] [--disable] [--spring.profiles.active=postgres]
 * </pre>
 *
 * The password is read from standard input (one line; typed without echo on a terminal), never from the
 * arguments, where the process list and shell history would show it.
 */
public final class ConsoleAccountCommand {

    static final String USERNAME = "slotline.console-account.username";
    static final String COMPANY = "slotline.console-account.company";
    static final String OPERATOR = "slotline.console-account.operator";
    static final String LANGUAGE = "slotline.console-account.language";
    static final String DISABLE = "slotline.console-account.disable";
    private static final String COMMAND = "console-account";

    private ConsoleAccountCommand() {}

    public static boolean requested(String[] args) {
        return Arrays.asList(args).contains(COMMAND);
    }

    /** @return the process exit code: 0 done, 1 refused, 2 usage error */
    public static int run(Class<?> application, String[] args) {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        int command = arguments.indexOf(COMMAND);
        arguments.remove(command);
        if (command >= arguments.size() || arguments.get(command).startsWith("--")) {
            return usage();
        }
        arguments.set(command, "--" + USERNAME + "=" + arguments.get(command));
        boolean scoped = false;
        for (int i = 0; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            if (arg.equals("--operator")) {
                arguments.set(i, "--" + OPERATOR + "=true");
                scoped = true;
            } else if (arg.startsWith("--company=")) {
                arguments.set(i, "--" + COMPANY + "=" + arg.substring("--company=".length()));
                scoped = true;
            } else if (arg.startsWith("--language=")) {
                arguments.set(i, "--" + LANGUAGE + "=" + arg.substring("--language=".length()));
            } else if (arg.equals("--disable")) {
                arguments.set(i, "--" + DISABLE + "=true");
            }
        }
        if (!scoped) {
            return usage();
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties("logging.level.root=warn")
                    .run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            System.err.println("console-account failed: "
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return 1;
        }
        return SpringApplication.exit(context);
    }

    private static int usage() {
        System.err.println("usage: java -jar slotline-gateway-exec.jar console-account <username> "
                + "(--operator | --company=<slug>) [--language=de|en] [--disable] [--spring.profiles.active=postgres]"
                + "\n       the password is read from standard input");
        return 2;
    }
}
