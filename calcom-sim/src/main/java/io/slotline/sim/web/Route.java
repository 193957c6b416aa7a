package io.slotline.sim.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Cal.com endpoint: method, path template (also its key in the stats), endpoint group (latency and faults),
 * authentication and which {@code cal-api-version} values reach it.
 */
public record Route(String method, String template, String group, Auth auth, Versions versions, Handler handler) {

    public enum Auth {
        /** Works without a key; a key that is sent must be valid. */
        OPTIONAL,
        REQUIRED
    }

    public enum VersionDecision {
        OK,
        /** Cal.com routes the version to a controller without this route: Nest's "Cannot GET ..." 404. */
        NOT_FOUND,
        /** Cal.com falls back to its 2024-04-15 controller, which the simulator answers with a 400. */
        LEGACY
    }

    @FunctionalInterface
    public interface Handler {
        Outcome handle(ApiRequest request);
    }

    /**
     * @param accepted versions this endpoint implements
     * @param fallback what other, missing or unknown versions get (Cal.com treats unknown as 2024-04-15)
     * @param notFound known versions whose controller lacks the route
     */
    public record Versions(List<String> accepted, VersionDecision fallback, List<String> notFound) {

        public static Versions only(String version, VersionDecision fallback, String... notFound) {
            return new Versions(List.of(version), fallback, List.of(notFound));
        }

        public static Versions any() {
            return new Versions(List.of(), VersionDecision.OK, List.of());
        }

        public VersionDecision check(@Nullable String version) {
            if (version != null && accepted.contains(version)) {
                return VersionDecision.OK;
            }
            if (version != null && notFound.contains(version)) {
                return VersionDecision.NOT_FOUND;
            }
            return fallback;
        }

        public String expected() {
            return accepted.isEmpty() ? "any" : accepted.get(0);
        }
    }

    public String name() {
        return method + " " + template;
    }
}
