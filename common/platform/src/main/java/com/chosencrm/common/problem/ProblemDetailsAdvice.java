package com.chosencrm.common.problem;

import com.chosencrm.common.web.RequestIds;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place every service turns exceptions into RFC 9457 problem responses: a stable {@code
 * type}, field {@code errors} for validation, and the {@code requestId}. Unexpected exceptions are
 * logged with the request id and answered with a generic 500 that reveals nothing.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> handleApi(ApiException e, WebRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    body.setType(e.type());
    body.setTitle(e.title());
    e.properties().forEach(body::setProperty);
    return handleExceptionInternal(e, body, new HttpHeaders(), e.status(), request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> handleAccessDenied(AccessDeniedException e, WebRequest request) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN, "Your role does not allow this action");
    return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<Object> handleAuthentication(AuthenticationException e, WebRequest request) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Authentication is required");
    return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.UNAUTHORIZED, request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> handleConstraintViolation(
      ConstraintViolationException e, WebRequest request) {
    List<InvalidRequestException.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(
                v ->
                    new InvalidRequestException.FieldError(
                        lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(Comparator.comparing(InvalidRequestException.FieldError::field))
            .toList();
    return validationProblem(e, errors, request);
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<Object> handleOptimisticLock(
      OptimisticLockingFailureException e, WebRequest request) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "The record was changed by someone else; reload and try again");
    body.setType(ProblemTypes.CONFLICT);
    return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.CONFLICT, request);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> handleDataIntegrity(
      DataIntegrityViolationException e, WebRequest request) {
    // The constraint name can reveal schema details; log it, answer in general terms.
    log.warn("Data integrity violation: {}", e.getMostSpecificCause().getMessage());
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "The request conflicts with existing data");
    body.setType(ProblemTypes.CONFLICT);
    return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.CONFLICT, request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> handleTypeMismatch(
      MethodArgumentTypeMismatchException e, WebRequest request) {
    String detail = "Parameter '" + e.getName() + "' has an invalid value";
    return validationProblem(
        e, List.of(new InvalidRequestException.FieldError(e.getName(), detail)), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception e, WebRequest request) {
    log.error("Unexpected error handling request {}", RequestIds.current(), e);
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Quote the request id if you contact support.");
    return handleExceptionInternal(
        e, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(
            f ->
                errors.add(
                    new InvalidRequestException.FieldError(f.getField(), f.getDefaultMessage())));
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(
            g ->
                errors.add(
                    new InvalidRequestException.FieldError(
                        g.getObjectName(), g.getDefaultMessage())));
    errors.sort(Comparator.comparing(InvalidRequestException.FieldError::field));
    return validationProblem(e, errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      String name = result.getMethodParameter().getParameterName();
      result
          .getResolvableErrors()
          .forEach(
              err ->
                  errors.add(
                      new InvalidRequestException.FieldError(name, err.getDefaultMessage())));
    }
    return validationProblem(e, errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON");
    body.setType(ProblemTypes.BAD_REQUEST);
    return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      Problems.complete(problem, status);
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  private ResponseEntity<Object> validationProblem(
      Exception e, List<InvalidRequestException.FieldError> errors, WebRequest request) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.isEmpty()
                ? "The request is not valid"
                : errors.size() == 1
                    ? errors.getFirst().field() + ": " + errors.getFirst().message()
                    : errors.size() + " fields are not valid");
    body.setType(ProblemTypes.VALIDATION);
    body.setTitle("Validation failed");
    body.setProperty("errors", errors);
    return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
