// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import nl.stadskompas.organisation.StillInUse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What every organisation API controller shares: two answers the platform's general error handling
 * cannot give. A refused removal is a conflict with the current state (409), not bad input; and a
 * value of the wrong type (an unknown channel, a malformed id) names the field it is in.
 */
abstract class ApiSupport {

    static final String BASE = "/api/v1/organisation";

    private final MessageSource messages;

    ApiSupport(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(StillInUse.class)
    ResponseEntity<ProblemDetail> stillInUse(HttpServletRequest request, StillInUse refusal) {
        var problem = refusal.problems().getFirst();
        String message = text(problem.code(), problem.args());
        return respond(request, HttpStatus.CONFLICT, text("organisation.api.conflict"), message, null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request, HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldOf(mismatch.getPath());
            return respond(request, HttpStatus.BAD_REQUEST, text("error.invalid"), null,
                    List.of(Map.of("field", field, "message", text("error.field.invalidValue"))));
        }
        return respond(request, HttpStatus.BAD_REQUEST, text("error.unreadable"), null, null);
    }

    /** The JSON path as a field name, such as {@code channels[1]}. */
    static String fieldOf(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private ResponseEntity<ProblemDetail> respond(HttpServletRequest request, HttpStatus status, String title,
            String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
