package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.retell.RetellSignature;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** What reaches the functions and what never does: service matching, tenant isolation, signatures, bad input. */
class RetellBoundaryTest extends LiveCallTest {

    private long recorded(String retellCallId) {
        return jdbc.sql("SELECT COUNT(*) FROM calls WHERE retell_call_id = :id")
                        .param("id", retellCallId)
                        .query(Long.class)
                        .single()
                + jdbc.sql("SELECT COUNT(*) FROM function_calls WHERE retell_call_id = :id")
                        .param("id", retellCallId)
                        .query(Long.class)
                        .single();
    }

    private String functionBody(Call call, String name, Map<String, ?> args) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.set("args", JSON.valueToTree(args));
        body.set("call", call.callObject("tc_1", name));
        return JSON.writeValueAsString(body);
    }

    private static final Map<String, String> CHECK =
            Map.of("service", "Herrenhaarschnitt", "date", "morgen", "time", "10 Uhr");

    @Nested
    class ServiceMatching {

        @Test
        void synonymsAndSmallMistakesFindTheService() {
            Reply synonym = salonCall()
                    .function(
                            "check_availability",
                            Map.of("service", "Männerhaarschnitt", "date", "morgen", "time", "10 Uhr"));
            Reply typo = salonCall()
                    .function(
                            "check_availability",
                            Map.of("service", "Damenhaarschnit", "date", "morgen", "time", "10 Uhr"));

            assertThat(synonym.json().path("service").asString()).isEqualTo("Herrenhaarschnitt");
            assertThat(typo.json().path("service").asString()).isEqualTo("Damenhaarschnitt");
        }

        @Test
        void anAmbiguousNameIsAskedBack() {
            Reply ambiguous = salonCall()
                    .function(
                            "check_availability", Map.of("service", "Haarschnitt", "date", "morgen", "time", "10 Uhr"));

            assertThat(ambiguous.reason()).isEqualTo("ambiguous_service");
            assertThat(ambiguous.message()).isEqualTo("Meinen Sie Herrenhaarschnitt oder Damenhaarschnitt?");
        }

        @Test
        void anUnknownServiceGetsTheClosestNames() {
            Reply german = salonCall().function("get_alternatives", Map.of("service", "Dauerwelle", "date", "morgen"));
            Reply english = otherCutsCall().function("find_next_available", Map.of("service", "manicure"));

            assertThat(german.reason()).isEqualTo("unknown_service");
            assertThat(german.message()).startsWith("Dauerwelle finde ich leider nicht in unserem Angebot.");
            assertThat(english.reason()).isEqualTo("unknown_service");
            assertThat(english.message()).startsWith("I'm afraid I can't find manicure among our services.");
        }
    }

    @Nested
    class TenantIsolation {

        @Test
        void oneCompanysKeyCannotSignACallToAnotherCompanysNumber() {
            Call intruder = new Call(randomGermanMobile(), OTHER_NUMBER, SALON_KEY);

            Reply refused = intruder.function(
                    "check_availability", Map.of("service", "Haircut", "date", "tomorrow", "time", "11am"));

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().path("error").asString()).isEqualTo("invalid_signature");
            assertThat(recorded(intruder.id)).isZero();
        }

        @Test
        void anotherCompanysServiceIsUnknownHere() {
            Call call = salonCall();
            Reply other =
                    call.function("check_availability", Map.of("service", "trim", "date", "morgen", "time", "10 Uhr"));
            Reply booking = call.function("book_appointment", booking("trim", "morgen", "10 Uhr", "Lina Neumann"));

            assertThat(other.reason()).isEqualTo("unknown_service");
            assertThat(other.json().path("services").toString()).doesNotContain("Haircut");
            assertThat(booking.reason()).isEqualTo("unknown_service");
            assertThat(simBookingsOf("cal_other", call.from)).isEmpty();
            assertThat(simBookingsOf("cal_demo", call.from)).isEmpty();
        }

        @Test
        void bookingsLandInTheDialledCompanysCalendarOnly() {
            int otherBefore = simBookings("cal_other").size();
            Call call = salonCall();

            Reply booked = call.function(
                    "book_appointment", booking("Herrenhaarschnitt", "morgen", "9 Uhr", "Clara Zimmermann"));

            assertThat(booked.ok()).isTrue();
            assertThat(simBookings("cal_other")).hasSize(otherBefore);
            assertThat(simBookingsOf("cal_demo", call.from)).hasSize(1);
            long otherCompany = jdbc.sql("SELECT id FROM companies WHERE slug = 'other-cuts'")
                    .query(Long.class)
                    .single();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM customers WHERE company_id = :id AND phone = :phone")
                            .param("id", otherCompany)
                            .param("phone", call.from)
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        @Test
        void aNumberNoCompanyServesGetsAClearAnswer() {
            Call lost = new Call(randomGermanMobile(), "+4930999999", SALON_KEY);

            Reply reply = lost.function("check_availability", CHECK);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.reason()).isEqualTo("unknown_number");
            assertThat(recorded(lost.id)).isZero();
        }
    }

    @Nested
    class Signatures {

        private Reply sendSigned(Call call, String body, String signature) {
            return send("/retell/functions/check_availability", body.getBytes(StandardCharsets.UTF_8), signature);
        }

        @Test
        void aValidSignatureIsServed() {
            Call call = salonCall();
            String body = functionBody(call, "check_availability", CHECK);

            Reply reply = sendSigned(
                    call, body, RetellSignature.sign(body.getBytes(StandardCharsets.UTF_8), SALON_KEY, CLOCK.millis()));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(recorded(call.id)).isPositive();
        }

        @Test
        void aTamperedBodyIsRefused() {
            Call call = salonCall();
            String signed = functionBody(call, "check_availability", CHECK);
            String tampered = signed.replace("10 Uhr", "11 Uhr");

            Reply reply = sendSigned(
                    call,
                    tampered,
                    RetellSignature.sign(signed.getBytes(StandardCharsets.UTF_8), SALON_KEY, CLOCK.millis()));

            assertRefused(reply, call);
        }

        @Test
        void aWrongKeyIsRefused() {
            Call call = salonCall();
            String body = functionBody(call, "check_availability", CHECK);

            assertRefused(
                    sendSigned(
                            call,
                            body,
                            RetellSignature.sign(body.getBytes(StandardCharsets.UTF_8), "key_wrong", CLOCK.millis())),
                    call);
        }

        @Test
        void aStaleSignatureIsRefused() {
            Call call = salonCall();
            String body = functionBody(call, "check_availability", CHECK);

            assertRefused(
                    sendSigned(
                            call,
                            body,
                            RetellSignature.sign(
                                    body.getBytes(StandardCharsets.UTF_8), SALON_KEY, CLOCK.millis() - 6 * 60_000)),
                    call);
        }

        @Test
        void aMissingOrMalformedSignatureIsRefused() {
            Call call = salonCall();
            String body = functionBody(call, "check_availability", CHECK);

            assertRefused(
                    send("/retell/functions/check_availability", body.getBytes(StandardCharsets.UTF_8), null), call);
            assertRefused(sendSigned(call, body, "v=now,d=nothing"), call);
        }

        private void assertRefused(Reply reply, Call call) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().path("error").asString()).isEqualTo("invalid_signature");
            assertThat(recorded(call.id)).isZero();
        }
    }

    @Nested
    class BadInput {

        @Test
        void malformedJsonIs400() {
            Reply reply =
                    post("/retell/functions/check_availability", "{\"name\": \"check_availability\", ", SALON_KEY);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().path("error").asString()).isNotBlank();
        }

        @Test
        void anUnknownFunctionIs400AndNothingIsRecorded() {
            Call call = salonCall();

            Reply reply = call.function("make_coffee", Map.of("strength", "strong"));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().path("error").asString()).isEqualTo("unknown_function");
            assertThat(reply.json().path("message").asString()).contains("check_availability", "book_appointment");
            assertThat(recorded(call.id)).isZero();
        }

        @Test
        void argumentsOfTheWrongTypeAreAnsweredWithWhatToCorrectAndChangeNothing() {
            Call call = salonCall();

            Reply wordCount = call.function(
                    "get_alternatives", Map.of("service", "Herrenhaarschnitt", "date", "morgen", "count", "drei"));
            Reply objectDate = call.function(
                    "check_availability",
                    Map.of("service", "Herrenhaarschnitt", "date", Map.of("day", 17), "time", "10 Uhr"));

            assertThat(wordCount.status()).isEqualTo(200);
            assertThat(wordCount.ok()).isFalse();
            assertThat(wordCount.reason()).isEqualTo("invalid_argument");
            assertThat(wordCount.json().path("field").asString()).isEqualTo("count");
            assertThat(wordCount.message()).contains("count", "ganze Zahl").doesNotContain("java", "Integer");
            assertThat(objectDate.status()).isEqualTo(200);
            assertThat(objectDate.reason()).isEqualTo("invalid_argument");
            assertThat(objectDate.json().path("field").asString()).isEqualTo("date");
            assertThat(holdsOf(call)).isEmpty();
        }

        @Test
        void argumentsThatAreNoObjectAreAnsweredOkFalse() {
            Call call = salonCall();
            ObjectNode body = JSON.createObjectNode();
            body.put("name", "check_availability");
            body.putArray("args").add("Herrenhaarschnitt");
            body.set("call", call.callObject(null, "check_availability"));

            Reply reply = post("/retell/functions/check_availability", JSON.writeValueAsString(body), SALON_KEY);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.ok()).isFalse();
            assertThat(reply.reason()).isEqualTo("invalid_argument");
        }

        @Test
        void aMissingArgumentIsAskedForOrTakenFromTheCall() {
            Call call = salonCall();

            Reply noService = call.function(
                    "book_appointment", Map.of("date", "morgen", "time", "10 Uhr", "customer_name", "Max Muster"));
            Reply noTime = call.function(
                    "book_appointment",
                    Map.of("service", "Herrenhaarschnitt", "date", "morgen", "customer_name", "Max Muster"));
            Reply dayOnly = call.function("check_availability", Map.of("service", "Färben", "date", "morgen"));
            Reply serviceFromTheCall = call.function("get_alternatives", Map.of("date", "morgen"));

            assertThat(noService.status()).isEqualTo(200);
            assertThat(noService.reason()).isEqualTo("missing_service");
            assertThat(noService.message()).isEqualTo("Welche Leistung möchten Sie buchen?");
            assertThat(noService.json().path("services").toString()).contains("Herrenhaarschnitt", "Färben");
            assertThat(noTime.status()).isEqualTo(200);
            assertThat(noTime.reason()).isEqualTo("invalid_time");
            assertThat(noTime.message()).startsWith("Die Uhrzeit habe ich leider nicht verstanden.");
            assertThat(dayOnly.status()).isEqualTo(200);
            assertThat(dayOnly.json().path("free_times").isArray())
                    .as(dayOnly.body())
                    .isTrue();
            assertThat(serviceFromTheCall.ok())
                    .as("the service talked about in this call: " + serviceFromTheCall.body())
                    .isTrue();
            assertThat(simBookingsOf("cal_demo", call.from)).isEmpty();
        }

        @Test
        void aBodyNamingAnotherFunctionThanItsUrlIsAnsweredOkFalseAndDoesNothing() {
            Call call = salonCall();
            ObjectNode body = JSON.createObjectNode();
            body.put("name", "cancel_appointment");
            body.set("args", JSON.valueToTree(Map.of("date", "morgen")));
            body.set("call", call.callObject("tc_1", "cancel_appointment"));

            Reply reply = post("/retell/functions/book_appointment", JSON.writeValueAsString(body), SALON_KEY);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.ok()).isFalse();
            assertThat(reply.reason()).isEqualTo("function_mismatch");
            assertThat(reply.message()).contains("aus dem Team");
            assertThat(recorded(call.id)).isZero();
        }

        @Test
        void anOversizedBodyIs413AndNothingIsRecorded() {
            Call call = salonCall();
            String body = functionBody(
                    call,
                    "check_availability",
                    Map.of(
                            "service",
                            "Herrenhaarschnitt",
                            "date",
                            "morgen",
                            "time",
                            "10 Uhr",
                            "notes",
                            "x".repeat(9 * 1024 * 1024)));

            Reply reply = postDeclaringLength("/retell/functions/check_availability", body, SALON_KEY);

            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.json().path("error").asString()).isEqualTo("payload_too_large");
            assertThat(recorded(call.id)).isZero();
        }
    }

    private Reply postDeclaringLength(String path, String body, String key) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        io.slotline.support.DeclaredBody.Answer answer = io.slotline.support.DeclaredBody.post(
                port,
                path,
                Map.of(
                        "Content-Type",
                        "application/json",
                        "X-Retell-Signature",
                        RetellSignature.sign(bytes, key, CLOCK.millis())),
                bytes.length,
                java.util.Arrays.copyOf(bytes, 64 * 1024));
        return new Reply(answer.status(), answer.body());
    }
}
