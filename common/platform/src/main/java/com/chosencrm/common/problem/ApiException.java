package com.chosencrm.common.problem;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on. Its message is shown to the user as the problem's {@code
 * detail}, so it must say what is wrong in words and never carry internals.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final URI type;
  private final String title;
  private final Map<String, Object> properties;

  public ApiException(HttpStatus status, URI type, String title, String detail) {
    this(status, type, title, detail, Map.of());
  }

  public ApiException(
      HttpStatus status, URI type, String title, String detail, Map<String, Object> properties) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.properties = Map.copyOf(properties);
  }

  public HttpStatus status() {
    return status;
  }

  public URI type() {
    return type;
  }

  public String title() {
    return title;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
