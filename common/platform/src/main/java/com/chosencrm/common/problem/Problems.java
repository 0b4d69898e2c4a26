package com.chosencrm.common.problem;

import com.chosencrm.common.web.RequestIds;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Fills in what every problem body carries: a stable type for its status and the request id. */
public final class Problems {

  private static final URI ABOUT_BLANK = URI.create("about:blank");

  private static final Map<Integer, URI> TYPES_BY_STATUS =
      Map.ofEntries(
          Map.entry(400, ProblemTypes.BAD_REQUEST),
          Map.entry(401, ProblemTypes.UNAUTHORIZED),
          Map.entry(403, ProblemTypes.FORBIDDEN),
          Map.entry(404, ProblemTypes.NOT_FOUND),
          Map.entry(405, ProblemTypes.METHOD_NOT_ALLOWED),
          Map.entry(409, ProblemTypes.CONFLICT),
          Map.entry(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE),
          Map.entry(422, ProblemTypes.BUSINESS_RULE),
          Map.entry(429, ProblemTypes.TOO_MANY_REQUESTS),
          Map.entry(503, ProblemTypes.SERVICE_UNAVAILABLE),
          Map.entry(500, ProblemTypes.INTERNAL));

  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String detail) {
    return complete(ProblemDetail.forStatusAndDetail(status, detail), status);
  }

  /** The JSON members of a problem, for code that writes it outside Spring MVC (filters). */
  public static Map<String, Object> asMap(ProblemDetail problem) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    if (problem.getDetail() != null) {
      body.put("detail", problem.getDetail());
    }
    if (problem.getInstance() != null) {
      body.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return body;
  }

  static ProblemDetail complete(ProblemDetail problem, HttpStatusCode status) {
    if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
      problem.setType(TYPES_BY_STATUS.getOrDefault(status.value(), ProblemTypes.INTERNAL));
    }
    if (problem.getTitle() == null) {
      HttpStatus known = HttpStatus.resolve(status.value());
      problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
    }
    String requestId = RequestIds.current();
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
    return problem;
  }
}
