package io.slotline.retell;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(basePackageClasses = RetellErrors.class)
class RetellErrors {

    @ExceptionHandler(RetellRequestException.class)
    ResponseEntity<Map<String, String>> badRequest(RetellRequestException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.code(), "message", e.getMessage()));
    }
}
