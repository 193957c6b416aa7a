package io.slotline.bench.load;

public record HttpReply(int status, String body) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
