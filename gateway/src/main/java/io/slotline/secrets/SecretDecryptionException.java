package io.slotline.secrets;

import org.jspecify.annotations.Nullable;

/** A stored secret that does not authenticate: wrong key, truncated or tampered value. */
public class SecretDecryptionException extends RuntimeException {

    SecretDecryptionException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
