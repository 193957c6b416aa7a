package io.slotline.calcom;

/** Response bodies as Cal.com's API v2 sends them (repository calcom/cal.com, apps/api/v2). */
final class CalcomSamples {

    private CalcomSamples() {}

    /** The documented slots example with format=range (end = start + 30 min), days and slots deliberately unordered. */
    static final String SLOTS_RANGE_ROME = """
            {"status":"success","data":{
              "2050-09-06":[{"start":"2050-09-06T09:00:00.000+02:00","end":"2050-09-06T09:30:00.000+02:00"}],
              "2050-09-05":[{"start":"2050-09-05T10:00:00.000+02:00","end":"2050-09-05T10:30:00.000+02:00"},
                            {"start":"2050-09-05T09:00:00.000+02:00","end":"2050-09-05T09:30:00.000+02:00"}]}}
            """;

    static final String SLOTS_EMPTY = """
            {"status":"success","data":{}}
            """;

    static final String BOOKING_CREATED = """
            {"status":"success","data":{
             "id":123,"uid":"booking_uid_123","title":"Consultation","description":"",
             "hosts":[{"id":1,"name":"Jane Doe","email":"jane@x.com","displayEmail":"jane@x.com","username":"jane","timeZone":"America/Los_Angeles"}],
             "status":"accepted","start":"2030-01-08T13:00:00.000Z","end":"2030-01-08T14:00:00.000Z","duration":60,
             "eventTypeId":123,"eventType":{"id":123,"slug":"intro"},
             "meetingUrl":"https://meet.example/abc","location":"https://meet.example/abc","absentHost":false,
             "createdAt":"2025-10-03T12:00:00.000Z","updatedAt":null,"metadata":{"slotlineRequestId":"abc-123"},
             "attendees":[{"name":"Mr Proper","email":"mr_proper@gmail.com","displayEmail":"mr_proper@gmail.com",
                           "timeZone":"Europe/Rome","language":"it","absent":false,"phoneNumber":"+393331234567"}],
             "guests":["g@example.com"],
             "bookingFieldsResponses":{"name":"Mr Proper","email":"mr_proper@gmail.com","customField":"customValue"}}}
            """;

    static final String BOOKING_CANCELLED = """
            {"status":"success","data":{
             "id":123,"uid":"booking_uid_123","title":"Consultation","description":"",
             "hosts":[{"id":1,"name":"Jane Doe","email":"jane@x.com","username":"jane","timeZone":"America/Los_Angeles"}],
             "status":"cancelled","cancellationReason":"Kunde verhindert",
             "start":"2030-01-08T13:00:00.000Z","end":"2030-01-08T14:00:00.000Z","duration":60,
             "eventTypeId":123,"eventType":{"id":123,"slug":"intro"},
             "attendees":[{"name":"Mr Proper","email":"mr_proper@gmail.com","timeZone":"Europe/Rome","language":"it","absent":false}],
             "metadata":{},"bookingFieldsResponses":{}}}
            """;

    static final String BOOKING_RESCHEDULED = """
            {"status":"success","data":{
             "id":124,"uid":"booking_uid_456","title":"Consultation","description":"",
             "hosts":[{"id":1,"name":"Jane Doe","email":"jane@x.com","username":"jane","timeZone":"America/Los_Angeles"}],
             "status":"accepted","rescheduledFromUid":"booking_uid_123",
             "start":"2040-02-09T12:00:00.000Z","end":"2040-02-09T13:00:00.000Z","duration":60,
             "eventType":{"id":123,"slug":"intro"},
             "attendees":[{"name":"Mr Proper","email":"mr_proper@gmail.com","timeZone":"Europe/Rome","language":"it","absent":false}],
             "metadata":{"slotlineRequestId":"abc-124","attempt":2},"bookingFieldsResponses":{}}}
            """;

    static final String BOOKINGS_PAGE = """
            {"status":"success","data":[
              {"id":7,"uid":"u7","title":"Herrenhaarschnitt","status":"accepted","start":"2050-09-05T08:00:00.000Z",
               "end":"2050-09-05T08:30:00.000Z","duration":30,"eventTypeId":1001,"eventType":{"id":1001,"slug":"herrenhaarschnitt"},
               "hosts":[{"id":501,"name":"Anna","username":"anna-demo","timeZone":"Europe/Berlin"}],
               "attendees":[{"name":"Max","email":"max@example.com","timeZone":"Europe/Berlin","language":"de"}],
               "metadata":{},"bookingFieldsResponses":{}}],
             "pagination":{"totalItems":123,"remainingItems":103,"returnedItems":10,"itemsPerPage":10,
                           "currentPage":2,"totalPages":13,"hasNextPage":true,"hasPreviousPage":true}}
            """;

    static final String RESERVATION = """
            {"status":"success","data":{"eventTypeId":1001,"slotStart":"2050-09-05T07:00:00.000Z",
             "slotEnd":"2050-09-05T07:30:00.000Z","slotDuration":30,
             "reservationUid":"e84be5a3-4696-49e3-acc7-b2f3999c3b94","reservationDuration":5,
             "reservationUntil":"2050-09-05T06:05:00.000Z"}}
            """;

    static final String EVENT_TYPES = """
            {"status":"success","data":[
              {"id":1001,"lengthInMinutes":30,"title":"Herrenhaarschnitt","slug":"herrenhaarschnitt","description":"",
               "locations":[{"type":"address","address":"Torstraße 1, 10119 Berlin","public":true}],
               "bookingFields":[
                 {"isDefault":true,"slug":"name","type":"name","required":true},
                 {"isDefault":true,"slug":"email","type":"email","required":false,"hidden":true},
                 {"isDefault":true,"slug":"attendeePhoneNumber","type":"phone","required":true,"hidden":false},
                 {"isDefault":false,"slug":"allergies","type":"text","label":"Allergien","required":true,"hidden":false},
                 {"isDefault":false,"slug":"wishes","type":"textarea","required":false,"hidden":false}],
               "disableGuests":true,"slotInterval":30,"minimumBookingNotice":60,"beforeEventBuffer":0,"afterEventBuffer":0,
               "recurrence":null,"metadata":{},"price":0,"currency":"eur","teamId":77,"schedulingType":"roundRobin",
               "hosts":[{"userId":501,"name":"Anna","username":"anna-demo","mandatory":false,"priority":"medium"},
                        {"userId":502,"name":"Ben","username":"ben-demo","mandatory":false,"priority":"medium"}]},
              {"id":1003,"lengthInMinutes":90,"title":"Färben","slug":"faerben","description":"",
               "bookingFields":[{"isDefault":true,"slug":"email","type":"email","required":true,"hidden":false}],
               "slotInterval":30,"minimumBookingNotice":60,"beforeEventBuffer":0,"afterEventBuffer":10,"teamId":77,
               "hosts":[{"userId":501,"name":"Anna","username":"anna-demo"}]}]}
            """;

    static final String EVENT_TYPE_PERSONAL = """
            {"status":"success","data":{"id":2001,"lengthInMinutes":30,"title":"Haircut","slug":"haircut",
             "slotInterval":null,"ownerId":601,
             "users":[{"id":601,"name":"Carl","username":"carl-other","weekStart":"Monday"}]}}
            """;

    static String errorEnvelope(String code, String message, String path) {
        return """
                {"status":"error","timestamp":"2025-10-03T12:00:00.000Z","path":"%s",
                 "error":{"code":"%s","message":"%s",
                          "details":{"message":"%s","error":"Bad Request","statusCode":400}}}
                """.formatted(path, code, message.replace("\"", "\\\""), message.replace("\"", "\\\""));
    }

    static final String NEST_CONFLICT = """
            {"statusCode":409,"message":"booking_conflict_error"}
            """;

    static final String THROTTLED = """
            {"status":"error","timestamp":"2025-10-03T12:00:00.000Z","path":"/v2/slots",
             "error":{"code":"ThrottlerException","message":"CustomThrottlerGuard - Too many requests. Please try again later."}}
            """;
}
