package com.chosencrm.lead.importing;

import com.chosencrm.common.problem.ApiException;
import com.chosencrm.common.problem.ProblemTypes;
import com.chosencrm.lead.importing.spreadsheet.UnreadableFileException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Why a file was refused, as problems with a stable type per reason ({@code
 * .../problems/import-encrypted}, ...), so the SPA can say more than "bad request".
 */
final class ImportProblems {

  private ImportProblems() {}

  static ApiException unreadable(UnreadableFileException e) {
    String slug = "import-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.of(slug),
        "The file cannot be imported",
        e.getMessage(),
        Map.of("reason", e.reason().name()));
  }

  static ApiException tooManyRows(int rows, int max) {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.of("import-too-many-rows"),
        "The file cannot be imported",
        "The file has "
            + rows
            + " rows; one import takes at most "
            + max
            + ". Split it into several files.",
        Map.of("reason", "TOO_MANY_ROWS", "rows", rows, "maxRows", max));
  }

  static ApiException noColumns() {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.of("import-no-columns"),
        "The file cannot be imported",
        "None of the file's column headers is a lead field we recognise (such as First Name,"
            + " Email or Phone); add a header row and upload it again",
        Map.of("reason", "NO_RECOGNISABLE_COLUMNS"));
  }

  static ApiException noRows() {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.of("import-empty"),
        "The file cannot be imported",
        "The file has a header row but no leads under it",
        Map.of("reason", "EMPTY"));
  }

  static ApiException tooLarge(long maxBytes) {
    return new ApiException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        ProblemTypes.of("import-file-too-large"),
        "File too large",
        "An import file may be at most " + (maxBytes / (1024 * 1024)) + " MB",
        Map.of("reason", "FILE_TOO_LARGE", "maxBytes", maxBytes));
  }
}
