package com.chosencrm.lead.customfield;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;

/** user-service's feature flags of the caller's tenant, as a Spring HTTP interface. */
interface TenantFeaturesClient {

  @GetExchange("/api/settings/features")
  List<Flag> flags(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

  /** A flag as user-service answers it (members not needed here are ignored). */
  record Flag(String key, Object value) {}
}
