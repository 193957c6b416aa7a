package io.slotline.sim.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The route table, matched in declaration order. */
public final class Routes {

    public record Match(Route route, Map<String, String> variables) {}

    private record Compiled(Route route, PathPattern pattern) {}

    private final List<Compiled> compiled;

    public Routes(List<Route> routes) {
        this.compiled = routes.stream()
                .map(r -> new Compiled(r, PathPatternParser.defaultInstance.parse(r.template())))
                .toList();
    }

    /** Matches an encoded request path; one trailing slash is ignored like Express does. */
    public Optional<Match> match(String method, String rawPath) {
        String path =
                rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        PathContainer container = PathContainer.parsePath(path);
        for (Compiled candidate : compiled) {
            if (!candidate.route().method().equals(method)) {
                continue;
            }
            PathPattern.PathMatchInfo info = candidate.pattern().matchAndExtract(container);
            if (info != null) {
                return Optional.of(new Match(candidate.route(), info.getUriVariables()));
            }
        }
        return Optional.empty();
    }

    public List<Route> all() {
        return compiled.stream().map(Compiled::route).toList();
    }
}
