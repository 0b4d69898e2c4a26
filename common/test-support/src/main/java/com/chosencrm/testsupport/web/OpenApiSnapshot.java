package com.chosencrm.testsupport.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed OpenAPI snapshot of a service, {@code frontend/openapi/<service>.json}, from which
 * the SPA's types are generated. {@link #check} fails when the service's {@code /v3/api-docs} no
 * longer matches it; run the test with {@code -Dopenapi.snapshot=write} to rewrite it instead (keys
 * sorted, two-space indent: the same text as {@code frontend/scripts/fetch-openapi.sh}), then
 * {@code npm run gen:api} in frontend/. {@code info.version} (the build's version) is not compared.
 */
public final class OpenApiSnapshot {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private OpenApiSnapshot() {}

  public static void check(MockMvc mvc, String service) throws Exception {
    String served =
        mvc.perform(get("/v3/api-docs"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    Path snapshot = snapshotsDirectory().resolve(service + ".json");
    JsonNode document = JSON.readTree(served);
    if ("write".equals(System.getProperty("openapi.snapshot"))) {
      Files.writeString(snapshot, render(document) + "\n");
      return;
    }
    if (!Files.exists(snapshot)) {
      throw new AssertionError(snapshot + " is missing; " + HOW_TO_REFRESH);
    }
    JsonNode committed = JSON.readTree(Files.readString(snapshot));
    ((ObjectNode) document.path("info")).set("version", committed.path("info").path("version"));
    String expected = render(committed);
    String actual = render(document);
    if (!expected.equals(actual)) {
      throw new AssertionError(
          snapshot
              + " is stale: the service documents its API differently now. "
              + HOW_TO_REFRESH
              + "\nFirst difference:\n"
              + firstDifference(expected, actual));
    }
  }

  private static final String HOW_TO_REFRESH =
      "Rewrite it with `mvn -pl <service> -am test -Dtest=OpenApiDocumentTests"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.snapshot=write`, then run"
          + " `npm run gen:api` in frontend/ and commit both.";

  private static Path snapshotsDirectory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("frontend").resolve("openapi");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new UncheckedIOException(new IOException("No frontend/openapi above " + Path.of("")));
  }

  private static String firstDifference(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String left = i < a.length ? a[i] : "<end>";
      String right = i < b.length ? b[i] : "<end>";
      if (!left.equals(right)) {
        return "line " + (i + 1) + "\n  committed: " + left + "\n  served:    " + right;
      }
    }
    return "none";
  }

  /** The text of {@code JSON.stringify(sortedKeys(document), null, 2)}. */
  static String render(JsonNode document) {
    StringBuilder out = new StringBuilder();
    write(document, "", out);
    return out.toString();
  }

  private static void write(JsonNode node, String indent, StringBuilder out) {
    String inner = indent + "  ";
    if (node.isObject()) {
      List<String> names = new ArrayList<>(node.propertyNames());
      if (names.isEmpty()) {
        out.append("{}");
        return;
      }
      names.sort(null);
      out.append("{\n");
      for (int i = 0; i < names.size(); i++) {
        out.append(inner);
        string(names.get(i), out);
        out.append(": ");
        write(node.get(names.get(i)), inner, out);
        out.append(i < names.size() - 1 ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        out.append(inner);
        write(node.get(i), inner, out);
        out.append(i < node.size() - 1 ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else if (node.isString()) {
      string(node.asString(), out);
    } else if (node.isNumber()) {
      BigDecimal value = node.decimalValue().stripTrailingZeros();
      out.append(value.scale() <= 0 ? value.toBigInteger().toString() : value.toPlainString());
    } else {
      out.append(node.toString()); // true, false, null
    }
  }

  private static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
