package io.slotline.tenancy;

/** A dialled number; it routes a call to exactly one branch. */
public record PhoneNumber(long id, long companyId, long branchId, String e164, boolean active) {}
