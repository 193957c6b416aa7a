package io.slotline.sim.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report for requests that never reach Spring (a malformed URL, for instance): Cal.com's error
 * envelope instead of Tomcat's HTML page.
 */
public final class EnvelopeErrorValve extends ErrorReportValve {

    private final Clock clock;

    public EnvelopeErrorValve(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        String path = (uri == null ? "/" : uri) + (query == null ? "" : "?" + query);
        String message = status == 404 ? "Cannot " + request.getMethod() + " " + path : Envelopes.reason(status);
        Reply reply = Envelopes.error(status, message, null, path, clock.instant());
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(reply.bodyText());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to say
        }
    }
}
