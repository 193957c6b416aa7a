package io.slotline.tenancy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Small tenant files with unique slugs and numbers, for tests sharing one database. */
final class TenantFiles {

    private TenantFiles() {}

    record Unique(String slug, String number, String yaml) {

        TenantFile file() {
            return TenantFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        }

        /** The same tenant with one line replaced: how an admin edits a file. */
        Unique with(String from, String to) {
            if (!yaml.contains(from)) {
                throw new IllegalArgumentException("no '" + from + "' in the tenant file");
            }
            return new Unique(slug, number, yaml.replace(from, to));
        }
    }

    static Unique salon() {
        String slug = "salon-" + UUID.randomUUID();
        String number = io.slotline.support.TestTenants.randomE164();
        return new Unique(slug, number, """
                company:
                  slug: %s
                  name: Salon Test
                  language: de
                  defaultTimeZone: Europe/Berlin
                  policies:
                    cancellationDeadlineHours: 12
                    cancellationFees:
                      - { minNoticeHours: 24, feeCents: 0 }
                      - { minNoticeHours: 0, feeCents: 1500 }
                  secrets:
                    calcomApiKey: cal_test_%s
                    retellApiKey: key_test_%s
                branches:
                  - name: Mitte
                    timeZone: Europe/Berlin
                    address: Torstraße 1
                    phoneNumbers: ["%s"]
                staff:
                  - name: Anna
                    branch: Mitte
                    calcomUsername: anna-test
                    calcomUserId: 501
                  - name: Ben
                    branch: Mitte
                    calcomUsername: ben-test
                    calcomUserId: 502
                services:
                  - name: Herrenhaarschnitt
                    synonyms: [Herrenschnitt, Männerhaarschnitt]
                    durationMinutes: 30
                    priceCents: 2800
                    calcomEventTypeId: 1001
                    calcomEventTypeSlug: herrenhaarschnitt
                    staff: [Anna, Ben]
                  - name: Färben
                    durationMinutes: 90
                    calcomEventTypeId: 1003
                    calcomEventTypeSlug: faerben
                    staff: [Anna, Ben]
                """.formatted(slug, slug, slug, number));
    }
}
