package com.chosencrm.lead.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.chosencrm.lead.Fixtures;
import com.chosencrm.lead.Fixtures.Member;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** Drives the import endpoints the way the SPA's wizard does. */
@TestComponent
public class Imports {

  private final MockMvc mvc;

  Imports(MockMvc mvc) {
    this.mvc = mvc;
  }

  public static MockMultipartHttpServletRequestBuilder uploadRequest(
      byte[] content, String fileName) {
    return multipart("/api/leads/imports")
        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
  }

  public MvcResult upload(Member member, byte[] content, String fileName) throws Exception {
    return mvc.perform(
            uploadRequest(content, fileName).header(HttpHeaders.AUTHORIZATION, member.bearer()))
        .andReturn();
  }

  /** Uploads and expects the MAPPING job. */
  public JsonNode uploaded(Member member, byte[] content, String fileName) throws Exception {
    MvcResult result = upload(member, content, fileName);
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(201);
    return Fixtures.read(result);
  }

  public MvcResult start(Member member, UUID id, Map<String, ?> body) throws Exception {
    return mvc.perform(
            post("/api/leads/imports/{id}/start", id)
                .header(HttpHeaders.AUTHORIZATION, member.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Fixtures.JSON.writeValueAsString(body)))
        .andReturn();
  }

  /** The proposed mapping as the start body's list. */
  public static List<Map<String, Object>> proposed(JsonNode job) {
    List<Map<String, Object>> mapping = new java.util.ArrayList<>();
    for (JsonNode column : job.get("proposedMapping")) {
      if (!column.get("field").isNull()) {
        mapping.add(
            Map.of(
                "column", column.get("column").asInt(), "field", column.get("field").asString()));
      }
    }
    return mapping;
  }

  /** Uploads, starts with the proposed mapping and the policy, waits for the end. */
  public JsonNode run(Member member, byte[] content, String fileName, String policy)
      throws Exception {
    JsonNode job = uploaded(member, content, fileName);
    UUID id = UUID.fromString(job.get("id").asString());
    MvcResult started =
        start(member, id, Map.of("mapping", proposed(job), "duplicatePolicy", policy));
    assertThat(started.getResponse().getStatus())
        .as(started.getResponse().getContentAsString())
        .isEqualTo(202);
    return finished(member, id);
  }

  public JsonNode status(Member member, UUID id) throws Exception {
    return Fixtures.read(
        mvc.perform(
                get("/api/leads/imports/{id}", id)
                    .header(HttpHeaders.AUTHORIZATION, member.bearer()))
            .andReturn());
  }

  public JsonNode finished(Member member, UUID id) throws Exception {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                !List.of("QUEUED", "RUNNING").contains(status(member, id).get("state").asString()));
    return status(member, id);
  }

  public byte[] errorReport(Member member, UUID id) throws Exception {
    MvcResult result =
        mvc.perform(
                get("/api/leads/imports/{id}/errors.xlsx", id)
                    .header(HttpHeaders.AUTHORIZATION, member.bearer()))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return result.getResponse().getContentAsByteArray();
  }

  public static UUID id(JsonNode job) {
    return UUID.fromString(job.get("id").asString());
  }
}
