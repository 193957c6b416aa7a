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
 * The command line for tenant files: {@code java -jar slotline-gateway-exec.jar apply <file.yaml> [--dry-run]}
 * (or {@code --slotline.apply=<file>}) applies the file to the configured database, prints the report and exits,
 * without starting the web server. Spring arguments such as {@code --spring.profiles.active=postgres} work as usual.
 */
public final class ApplyCommand {

    static final String FILE_PROPERTY = "slotline.apply";
    static final String DRY_RUN_PROPERTY = "slotline.apply-dry-run";

    private ApplyCommand() {}

    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> "apply".equals(arg) || arg.startsWith("--" + FILE_PROPERTY + "="));
    }

    /** @return the process exit code: 0 applied, 1 the file was refused, 2 usage error */
    public static int run(Class<?> application, String[] args) {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        int command = arguments.indexOf("apply");
        if (command >= 0) {
            arguments.remove(command);
            if (command >= arguments.size() || arguments.get(command).startsWith("--")) {
                System.err.println("usage: java -jar slotline-gateway-exec.jar apply <tenant-file.yaml> [--dry-run] "
                        + "[--spring.profiles.active=postgres]");
                return 2;
            }
            arguments.set(command, "--" + FILE_PROPERTY + "=" + arguments.get(command));
        }
        arguments.replaceAll(arg -> "--dry-run".equals(arg) ? "--" + DRY_RUN_PROPERTY + "=true" : arg);
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    // defaults only: --logging.level.root=info on the command line still wins
                    .properties("logging.level.root=warn", "logging.level.io.slotline.admin=info")
                    .run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            String cause =
                    String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            System.err.println("apply failed: " + cause);
            if (cause.contains("locked")) {
                System.err.println("(an H2 file database is locked while the gateway runs: stop it, or use "
                        + "POST /admin/api/tenants/apply instead)");
            }
            return 1;
        }
        return SpringApplication.exit(context);
    }
}
