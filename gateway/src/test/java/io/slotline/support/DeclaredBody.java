package io.slotline.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A POST whose headers declare a body of which only the first bytes are sent, then the answer is read: the gateway
 * must refuse an oversized body on its declared length, without reading it. (Sending a large body whole races the
 * gateway closing the connection after its early 413, which a client may see as a reset instead of the answer.) If
 * the gateway did wait for the body, the read times out and the test fails.
 */
public final class DeclaredBody {

    /** The status and the body of the answer (its JSON object, without chunk framing). */
    public record Answer(int status, String body) {}

    private DeclaredBody() {}

    /**
     * @param declared the Content-Length the headers announce
     * @param sent     the first bytes of that body, all that is sent
     */
    public static Answer post(int port, String path, Map<String, String> headers, long declared, byte[] sent) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(declared).append("\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(sent);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until the answer's JSON object is complete: the connection may stay open while the server drains. */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        String text = "";
        while (!text.contains("\r\n\r\n")
                || !text.substring(text.indexOf("\r\n\r\n")).contains("}")) {
            int read = in.read(buffer);
            if (read < 0) {
                break;
            }
            received.write(buffer, 0, read);
            text = received.toString(StandardCharsets.UTF_8);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String payload = text.contains("\r\n\r\n") ? text.substring(text.indexOf("\r\n\r\n") + 4) : "";
        int open = payload.indexOf('{');
        return new Answer(status, open < 0 ? "" : payload.substring(open, payload.lastIndexOf('}') + 1));
    }
}
