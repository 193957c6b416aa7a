package io.slotline.bench.report;

public enum Percentile {
    P50("P50"),
    P95("P95"),
    P99("P99"),
    P999("P99.9"),
    MAX("max");

    private final String label;

    Percentile(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
