// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform.shell;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Bad input and unknown ids end in a plain-language answer, never in a stack trace or a 500: the
 * API answers with an RFC 9457 problem document listing each field, pages with a plain error page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

    private final MessageSource messages;

    ErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
    Object notFound(HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "error.notFound", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(HttpServletRequest request, MethodArgumentTypeMismatchException e) {
        // A malformed id in the path is simply an id that does not exist.
        boolean pathVariable = e.getParameter().hasParameterAnnotation(
                org.springframework.web.bind.annotation.PathVariable.class);
        if (pathVariable) {
            return answer(request, HttpStatus.NOT_FOUND, "error.notFound", List.of());
        }
        return answer(request, HttpStatus.BAD_REQUEST, "error.badRequest",
                List.of(new FieldProblem(e.getName(), "error.field.invalidValue")));
    }

    @ExceptionHandler(ValidationProblem.class)
    Object validation(HttpServletRequest request, ValidationProblem e) {
        return answer(request, HttpStatus.BAD_REQUEST, "error.invalid", e.problems());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object invalidBody(HttpServletRequest request, MethodArgumentNotValidException e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Shown> problems = e.getBindingResult().getAllErrors().stream()
                .map(err -> new Shown(err instanceof FieldError f ? f.getField() : "", messages.getMessage(err, locale)))
                .toList();
        return respond(request, HttpStatus.BAD_REQUEST, "error.invalid", problems);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object invalidParameters(HttpServletRequest request, HandlerMethodValidationException e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Shown> problems = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new Shown(r.getMethodParameter().getParameterName(), messages.getMessage(err, locale))))
                .toList();
        return respond(request, HttpStatus.BAD_REQUEST, "error.invalid", problems);
    }

    @ExceptionHandler({ HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class })
    Object unreadable(HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "error.unreadable", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedMedia(HttpServletRequest request) {
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpServletRequest request) {
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "error.method", List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "error.tooLarge", List.of());
    }

    private Object answer(HttpServletRequest request, HttpStatus status, String key, List<FieldProblem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        return respond(request, status, key, problems.stream()
                .map(p -> new Shown(p.field(), messages.getMessage(p.code(), p.args(), p.code(), locale)))
                .toList());
    }

    private Object respond(HttpServletRequest request, HttpStatus status, String key, List<Shown> problems) {
        String title = text(key);
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, title);
            problem.setTitle(title);
            problem.setInstance(URI.create(request.getRequestURI()));
            if (!problems.isEmpty()) {
                problem.setProperty("errors", problems.stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
            }
            return ResponseEntity.status(status).body(problem);
        }
        ModelAndView page = new ModelAndView(status == HttpStatus.NOT_FOUND ? "error/404" : "error/problem");
        page.setStatus(status);
        page.addObject("title", title);
        page.addObject("problems", problems);
        return page;
    }

    /** A problem as the user reads it. */
    record Shown(String field, String message) {
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
