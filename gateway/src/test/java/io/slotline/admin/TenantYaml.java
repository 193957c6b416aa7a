package io.slotline.admin;

/** A complete tenant file with the given slug and number, in the format of demo/demo-salon.yaml. */
final class TenantYaml {

    private TenantYaml() {}

    static String salon(String slug, String number) {
        return """
                company:
                  slug: %s
                  name: Salon %s
                  language: de
                  defaultTimeZone: Europe/Berlin
                  policies:
                    cancellationDeadlineHours: 12
                    cancellationFees:
                      - { minNoticeHours: 0, feeCents: 1000 }
                  secrets:
                    calcomApiKey: cal_file_%s
                    retellApiKey: key_file_%s
                branches:
                  - name: Mitte
                    timeZone: Europe/Berlin
                    address: "Torstraße 1, 10119 Berlin"
                    phoneNumbers: ["%s"]
                staff:
                  - name: Anna
                    branch: Mitte
                    calcomUsername: anna-file
                  - name: Ben
                    branch: Mitte
                services:
                  - name: Herrenhaarschnitt
                    synonyms: [Herrenschnitt]
                    durationMinutes: 30
                    priceCents: 2800
                    calcomEventTypeId: 1001
                    calcomEventTypeSlug: herrenhaarschnitt
                    staff: [Anna, Ben]
                  - name: Färben
                    durationMinutes: 90
                    staff: [Anna]
                """.formatted(slug, slug, slug, slug, number);
    }
}
