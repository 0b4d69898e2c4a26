package com.chosencrm.lead.importing;

import com.chosencrm.common.paging.CursorPage;
import com.chosencrm.common.paging.PageLimits;
import com.chosencrm.common.security.CurrentUser;
import com.chosencrm.lead.customfield.TenantFeatures;
import com.chosencrm.lead.importing.ImportViews.ImportJobSummary;
import com.chosencrm.lead.importing.ImportViews.ImportJobView;
import com.chosencrm.lead.importing.ImportViews.SavedMappings;
import com.chosencrm.lead.importing.ImportViews.UndoResult;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Spreadsheet imports of leads, for admins and supervisors. The wizard uploads ({@code POST
 * /imports}: checked file, proposed mapping), starts with the confirmed mapping, and polls the
 * import; {@code POST /import} does both steps in one.
 */
@RestController
@RequestMapping("/api/leads")
class ImportController {

  private static final String IMPORTERS = "hasAnyRole('ADMIN', 'SUPERVISOR')";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final ImportService imports;
  private final TenantFeatures features;

  ImportController(ImportService imports, TenantFeatures features) {
    this.imports = imports;
    this.features = features;
  }

  /** Step one: the file is checked and its columns matched; the import waits in MAPPING. */
  @PostMapping(path = "/imports", consumes = "multipart/form-data")
  @ResponseStatus(HttpStatus.CREATED)
  @ApiResponse(responseCode = "413", description = "The file is too large")
  @ApiResponse(responseCode = "503", description = "The company's settings cannot be read now")
  @PreAuthorize(IMPORTERS)
  ResponseEntity<ImportJobView> upload(CurrentUser user, @RequestPart("file") MultipartFile file) {
    ImportJobView job = receive(user, file, null);
    return ResponseEntity.created(location(job)).body(job);
  }

  /** Upload and start in one request; {@code options} is a JSON part like the start body. */
  @PostMapping(path = "/import", consumes = "multipart/form-data")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @ApiResponse(
      responseCode = "202",
      description = "Accepted: the import is queued",
      headers = @Header(name = HttpHeaders.LOCATION, description = "Where to follow the import"))
  @ApiResponse(responseCode = "413", description = "The file is too large")
  @ApiResponse(responseCode = "503", description = "The company's settings cannot be read now")
  @PreAuthorize(IMPORTERS)
  ResponseEntity<ImportJobView> importNow(
      CurrentUser user,
      @RequestPart("file") MultipartFile file,
      @Valid @RequestPart(name = "options", required = false) ImportRequests.StartImport options) {
    ImportRequests.StartImport chosen =
        options == null ? new ImportRequests.StartImport(null, null, null, null) : options;
    ImportJobView job = receive(user, file, chosen.toCommand());
    return ResponseEntity.accepted().location(location(job)).body(job);
  }

  private ImportJobView receive(
      CurrentUser user, MultipartFile file, ImportService.StartCommand start) {
    features.require(TenantFeatures.LEAD_IMPORT, "Importing leads");
    Path stored = imports.newUpload();
    try {
      file.transferTo(stored);
    } catch (IOException e) {
      throw new UncheckedIOException("The upload could not be stored", e);
    }
    return start == null
        ? imports.upload(user, stored, file.getOriginalFilename(), file.getSize())
        : imports.uploadAndStart(user, stored, file.getOriginalFilename(), file.getSize(), start);
  }

  @PostMapping("/imports/{id}/start")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @ApiResponse(responseCode = "409", description = "The import is not waiting for its mapping")
  @ApiResponse(responseCode = "503", description = "The company's settings cannot be read now")
  @PreAuthorize(IMPORTERS)
  ResponseEntity<ImportJobView> start(
      CurrentUser user,
      @PathVariable UUID id,
      @Valid @RequestBody ImportRequests.StartImport request) {
    features.require(TenantFeatures.LEAD_IMPORT, "Importing leads");
    return ResponseEntity.accepted().body(imports.start(user, id, request.toCommand()));
  }

  @GetMapping("/imports")
  @PreAuthorize(IMPORTERS)
  CursorPage<ImportJobSummary> list(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    return imports.list(user, cursor, PageLimits.of(limit));
  }

  @GetMapping("/imports/{id}")
  @PreAuthorize(IMPORTERS)
  ImportJobView get(CurrentUser user, @PathVariable UUID id) {
    return imports.get(user, id);
  }

  @PostMapping("/imports/{id}/cancel")
  @ApiResponse(responseCode = "409", description = "The import has already ended")
  @PreAuthorize(IMPORTERS)
  ImportJobView cancel(CurrentUser user, @PathVariable UUID id) {
    return imports.cancel(user, id);
  }

  @PostMapping("/imports/{id}/undo")
  @ApiResponse(responseCode = "409", description = "The import has not run yet")
  @PreAuthorize(IMPORTERS)
  UndoResult undo(CurrentUser user, @PathVariable UUID id) {
    return imports.undo(user, id);
  }

  /** The rows that did not go in: row number, column, value, reason. */
  @GetMapping("/imports/{id}/errors.xlsx")
  @ApiResponse(
      responseCode = "200",
      description = "The workbook of refused and skipped rows",
      content = @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")))
  @PreAuthorize(IMPORTERS)
  void errors(CurrentUser user, @PathVariable UUID id, HttpServletResponse response)
      throws IOException {
    imports.checkReport(user, id);
    response.setStatus(HttpStatus.OK.value());
    response.setContentType(XLSX);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-errors.xlsx\"");
    imports.errorReport(user, id, response.getOutputStream());
  }

  @GetMapping("/imports/mappings")
  @PreAuthorize(IMPORTERS)
  SavedMappings mappings(CurrentUser user) {
    return new SavedMappings(imports.savedMappings(user));
  }

  @PutMapping("/imports/mappings")
  @PreAuthorize(IMPORTERS)
  SavedMappings replaceMappings(
      CurrentUser user, @Valid @RequestBody ImportRequests.SavedMappingsBody body) {
    Map<String, String> choices = new LinkedHashMap<>();
    body.items().forEach(item -> choices.put(item.header(), item.field()));
    return new SavedMappings(imports.replaceSavedMappings(user, choices));
  }

  private static URI location(ImportJobView job) {
    return URI.create("/api/leads/imports/" + job.id());
  }
}
