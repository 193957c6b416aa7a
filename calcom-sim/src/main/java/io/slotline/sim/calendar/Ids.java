package io.slotline.sim.calendar;

import java.math.BigInteger;
import java.util.Random;
import java.util.UUID;

/**
 * Identifiers in Cal.com's formats: booking uids are short-uuid strings (a UUID in Flickr base58, 22 characters),
 * reservation and webhook ids are UUIDs. Seedable so a demo scenario is reproducible.
 */
public final class Ids {

    private static final String BASE58 = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);

    private final Random random;

    public Ids(long seed) {
        this.random = new Random(seed);
    }

    public synchronized String bookingUid() {
        return shortUuid(nextUuid());
    }

    public synchronized String uuid() {
        return nextUuid().toString();
    }

    private UUID nextUuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    static String shortUuid(UUID uuid) {
        BigInteger number = new BigInteger(1, toBytes(uuid));
        StringBuilder digits = new StringBuilder();
        while (number.signum() > 0) {
            BigInteger[] divided = number.divideAndRemainder(FIFTY_EIGHT);
            digits.append(BASE58.charAt(divided[1].intValue()));
            number = divided[0];
        }
        while (digits.length() < 22) {
            digits.append(BASE58.charAt(0));
        }
        return digits.reverse().toString();
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long most = uuid.getMostSignificantBits();
        long least = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (most >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (least >>> (56 - 8 * i));
        }
        return bytes;
    }
}
