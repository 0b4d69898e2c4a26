package com.chosencrm.lead.importing;

import com.chosencrm.common.problem.ApiException;
import com.chosencrm.common.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} is refused by the servlet container
 * before a controller runs; it answers the same 413 problem as the import's own size check rather
 * than the platform's generic one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

  private final ImportProperties properties;

  UploadLimitAdvice(ImportProperties properties) {
    this.properties = properties;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
    ApiException refusal = ImportProblems.tooLarge(properties.maxFileSize().toBytes());
    ProblemDetail problem = Problems.of(refusal.status(), refusal.getMessage());
    problem.setType(refusal.type());
    problem.setTitle(refusal.title());
    refusal.properties().forEach(problem::setProperty);
    return ResponseEntity.status(refusal.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
