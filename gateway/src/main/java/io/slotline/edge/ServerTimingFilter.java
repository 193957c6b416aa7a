package io.slotline.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Server-Timing: app;dur=<ms>} on Retell's requests: the time from the first filter until the answer starts
 * to be written (signature check, parsing, the function, the call log), so a load generator can tell the gateway's
 * own time from the network's and its own queueing. The header is set when the body is first written or the
 * response committed, which is before any byte leaves.
 */
final class ServerTimingFilter extends OncePerRequestFilter {

    static final String HEADER = "Server-Timing";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        chain.doFilter(request, new Timed(response, started));
    }

    static String value(long nanos) {
        return String.format(Locale.ROOT, "app;dur=%.3f", nanos / 1e6);
    }

    private static final class Timed extends HttpServletResponseWrapper {

        private final long started;
        private boolean stamped;

        Timed(HttpServletResponse response, long started) {
            super(response);
            this.started = started;
        }

        private void stamp() {
            if (!stamped && !isCommitted()) {
                stamped = true;
                setHeader(HEADER, value(System.nanoTime() - started));
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            stamp();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            stamp();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            stamp();
            super.flushBuffer();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            stamp();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            stamp();
            super.sendError(sc);
        }
    }
}
