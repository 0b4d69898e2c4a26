package com.chosencrm.lead.customfield;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** user-service's custom field endpoints, as a Spring HTTP interface. */
interface CustomFieldsClient {

  @PostExchange("/api/settings/custom-fields/validate")
  Validated validate(
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
      @RequestBody Validate request);

  @GetExchange("/api/settings/custom-fields")
  List<CustomFieldDefinition> definitions(
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
      @RequestParam("entity") String entity);

  record Validate(String entity, Map<String, Object> values) {}

  record Validated(String entity, Map<String, Object> values) {}
}
