package io.slotline.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SecretCipherTest {

    private static final String KEY = "d27X0KzPhbkQWZRy0pPXR10IxixI1CVWYmBs8GMOq98=";
    private static final String OTHER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final SecretCipher cipher = SecretCipher.fromBase64Key(KEY);

    @Test
    void roundTripsUnicodeSecrets() {
        String secret = "cal_live_äöü€_0123456789";

        assertThat(cipher.decrypt(cipher.encrypt(secret))).isEqualTo(secret);
    }

    @Test
    void sameSecretEncryptsDifferentlyEachTime() {
        String first = cipher.encrypt("cal_demo");
        String second = cipher.encrypt("cal_demo");

        assertThat(first).isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first)).hasSize(12 + "cal_demo".length() + 16);
    }

    @Test
    void storedFormHoldsNoPlaintext() {
        String stored = cipher.encrypt("cal_live_secret_value");

        assertThat(stored).doesNotContain("cal_live").doesNotContain("secret");
        assertThat(new String(Base64.getDecoder().decode(stored))).doesNotContain("cal_live");
    }

    @Test
    void flippedBitIsDetected() {
        byte[] bytes = Base64.getDecoder().decode(cipher.encrypt("cal_demo"));
        bytes[bytes.length - 20] ^= 0x01;
        String tampered = Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void tamperedNonceIsDetected() {
        byte[] bytes = Base64.getDecoder().decode(cipher.encrypt("cal_demo"));
        bytes[0] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void truncatedOrGarbageValuesAreRejected() {
        String stored = cipher.encrypt("cal_demo");

        assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, 16))).isInstanceOf(SecretDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("not base64 at all!")).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String stored = cipher.encrypt("cal_demo");

        assertThatThrownBy(() -> SecretCipher.fromBase64Key(OTHER_KEY).decrypt(stored))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("wrong slotline.secrets.key or tampered")
                .hasMessageNotContaining("cal_demo");
    }

    @Test
    void hintIsLastFourCharactersOfLongEnoughSecrets() {
        assertThat(SecretCipher.hint("cal_live_abcd1234")).isEqualTo("1234");
        assertThat(SecretCipher.hint("cal_demo")).isEqualTo("demo");
        assertThat(SecretCipher.hint("short")).isEmpty();
    }

    @Test
    void configuredKeyIsUsed() {
        SecretCipher configured = new SecretCipher(new SecretsProperties(KEY), new MockEnvironment());

        assertThat(cipher.decrypt(configured.encrypt("key_demo"))).isEqualTo("key_demo");
    }

    @Test
    void missingKeyFailsOutsideDemoAndTestProfiles() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("postgres");

        assertThatThrownBy(() -> new SecretCipher(new SecretsProperties(null), production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("slotline.secrets.key is not set");
    }

    @Test
    void missingKeyFallsBackToDemoKeyInDemoProfile() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        SecretCipher first = new SecretCipher(new SecretsProperties(" "), demo);
        SecretCipher second = new SecretCipher(new SecretsProperties(null), demo);

        assertThat(second.decrypt(first.encrypt("cal_demo"))).isEqualTo("cal_demo");
    }

    @Test
    void malformedKeysAreRejectedWithoutEchoingThem() {
        MockEnvironment env = new MockEnvironment();

        assertThatThrownBy(() -> new SecretCipher(new SecretsProperties("dG9vLXNob3J0"), env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining("dG9vLXNob3J0");
        assertThatThrownBy(() -> new SecretCipher(new SecretsProperties("%%%"), env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid base64");
    }
}
