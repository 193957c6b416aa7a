package io.slotline.calls;

import org.jspecify.annotations.Nullable;

public record NewCallbackRequest(
        long companyId,
        @Nullable Long branchId,
        @Nullable Long callId,
        @Nullable Long customerId,
        String customerName,
        @Nullable String phone,
        String reason,
        @Nullable String preferredTime) {

    public NewCallbackRequest {
        if (customerName == null || customerName.isBlank() || customerName.length() > 200) {
            throw new IllegalArgumentException("customer name is required (max 200 characters)");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new IllegalArgumentException("reason is required (max 2000 characters)");
        }
        if (phone != null && phone.length() > 32) {
            throw new IllegalArgumentException("phone is longer than 32 characters");
        }
        if (preferredTime != null && preferredTime.length() > 200) {
            throw new IllegalArgumentException("preferred time is longer than 200 characters");
        }
    }
}
