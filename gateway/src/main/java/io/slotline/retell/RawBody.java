package io.slotline.retell;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A request body read once into one array: sized by Content-Length when the client sends it (Retell does), grown up
 * to the limit otherwise. {@code length} may be shorter than the array, so nothing is copied to trim it.
 */
record RawBody(byte[] bytes, int length) {

    private static final int FIRST_CHUNK = 16 * 1024;

    /** @return null when the body is longer than {@code limit} (stops reading at limit + 1 bytes) */
    static @Nullable RawBody read(InputStream in, long declaredLength, long limit) throws IOException {
        int max = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        if (declaredLength > max) {
            return null;
        }
        if (declaredLength >= 0) {
            byte[] bytes = new byte[(int) declaredLength];
            int read = in.readNBytes(bytes, 0, bytes.length);
            // a client that declares more than it sends gets its truncated body judged as it is
            return new RawBody(bytes, read);
        }
        byte[] buffer = new byte[Math.min(FIRST_CHUNK, max + 1)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length > max) {
                    return null;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) max + 1, 2L * length));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                return length > max ? null : new RawBody(buffer, length);
            }
            length += read;
        }
    }
}
