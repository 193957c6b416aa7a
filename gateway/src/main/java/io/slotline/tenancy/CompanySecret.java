package io.slotline.tenancy;

/** The per-company secrets, each stored encrypted with a hint column beside it. */
public enum CompanySecret {
    CALCOM_API_KEY("calcom_api_key"),
    CALCOM_WEBHOOK_SECRET("calcom_webhook_secret"),
    RETELL_API_KEY("retell_api_key");

    private final String column;

    CompanySecret(String column) {
        this.column = column;
    }

    String encryptedColumn() {
        return column + "_enc";
    }

    String hintColumn() {
        return column + "_hint";
    }
}
