package com.chosencrm.lead.importing;

import com.chosencrm.lead.importing.spreadsheet.Cell;
import com.chosencrm.lead.loan.CreditBand;
import com.chosencrm.lead.loan.LoanPurpose;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads cell values the way people write them in spreadsheets: amounts with {@code $}, thousands
 * separators and {@code k}/{@code M}; dates as Excel serial numbers, ISO or US dates; yes/no flags;
 * states by name; and the common spellings of loan purposes and credit bands. What cannot be read
 * is left for the lead rules to refuse with their own message.
 */
final class CellValues {

  private CellValues() {}

  private static final Pattern AMOUNT =
      Pattern.compile("^\\$?\\s*([0-9][0-9,\\s]*(?:\\.[0-9]+)?)\\s*([kKmM])?\\s*(?:usd|USD)?$");
  private static final Pattern SCORE = Pattern.compile("(\\d{3})");
  private static final Pattern SERIAL = Pattern.compile("\\d{1,7}(\\.\\d+)?");
  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("M/d/uu").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("M-d-uuuu").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT));
  private static final List<DateTimeFormatter> DATE_TIMES =
      List.of(
          DateTimeFormatter.ofPattern("M/d/uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("M/d/uuuu h:mm[:ss] a", Locale.US)
              .withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("uuuu-MM-dd H:mm[:ss]")
              .withResolverStyle(ResolverStyle.STRICT));

  /** The cell's text, stripped; null when blank. */
  static String text(Cell cell) {
    String text = cell.text().strip();
    return text.isEmpty() ? null : text;
  }

  /** {@code $425,000.50}, {@code 425000}, {@code 425k}, {@code 1.2M}. */
  static Optional<BigDecimal> amount(String text) {
    Matcher m = AMOUNT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      BigDecimal value = new BigDecimal(m.group(1).replace(",", "").replaceAll("\\s", ""));
      if (m.group(2) != null) {
        value =
            value.multiply(
                m.group(2).equalsIgnoreCase("k")
                    ? BigDecimal.valueOf(1_000)
                    : BigDecimal.valueOf(1_000_000));
      }
      return Optional.of(value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value);
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /**
   * A date or moment: a date-formatted cell, an Excel serial number (what a date column holds when
   * its format is lost), ISO ({@code 2024-03-15}, {@code 2024-03-15T09:30:00Z}) or US ({@code
   * 3/15/2024}, {@code 3/15/2024 9:30 AM}) text.
   */
  static Optional<LocalDateTime> dateTime(Cell cell, boolean date1904) {
    String text = cell.text().strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (cell.kind() == Cell.Kind.NUMBER || SERIAL.matcher(text).matches()) {
      double serial = Double.parseDouble(text);
      // 1 is 1900-01-01; 2958465 is 9999-12-31.
      if (serial >= 1 && serial < 2_958_466 && DateUtil.isValidExcelDate(serial)) {
        return Optional.of(DateUtil.getLocalDateTime(serial, date1904, true));
      }
      return Optional.empty();
    }
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      // 2024-03-15, what date cells read as: tried first, since each format that fails on the way
      // costs an exception.
      try {
        return Optional.of(LocalDate.parse(text).atStartOfDay());
      } catch (DateTimeParseException ignored) {
        // not an ISO date after all
      }
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toLocalDateTime());
    } catch (DateTimeParseException ignored) {
      // not ISO with an offset
    }
    try {
      return Optional.of(LocalDateTime.parse(text));
    } catch (DateTimeParseException ignored) {
      // not an ISO date-time
    }
    try {
      return Optional.of(LocalDate.parse(text).atStartOfDay());
    } catch (DateTimeParseException ignored) {
      // not an ISO date
    }
    for (DateTimeFormatter format : DATE_TIMES) {
      try {
        return Optional.of(LocalDateTime.parse(text.toUpperCase(Locale.ROOT), format));
      } catch (DateTimeParseException ignored) {
        // next format
      }
    }
    for (DateTimeFormatter format : DATES) {
      try {
        return Optional.of(LocalDate.parse(text, format).atStartOfDay());
      } catch (DateTimeParseException ignored) {
        // next format
      }
    }
    return Optional.empty();
  }

  /** yes/no, y/n, true/false, 1/0, x (a ticked box); blank is no. */
  static Optional<Boolean> flag(String text) {
    if (text == null) {
      return Optional.of(false);
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true", "t", "1", "x", "✓", "dnc" -> Optional.of(true);
      case "no", "n", "false", "f", "0", "" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static final Map<String, String> PURPOSES =
      Map.ofEntries(
          Map.entry("purchase", "PURCHASE"),
          Map.entry("buy", "PURCHASE"),
          Map.entry("buying", "PURCHASE"),
          Map.entry("homepurchase", "PURCHASE"),
          Map.entry("newpurchase", "PURCHASE"),
          Map.entry("purchasemoney", "PURCHASE"),
          Map.entry("firsttimebuyer", "PURCHASE"),
          Map.entry("fthb", "PURCHASE"),
          Map.entry("refinance", "REFINANCE"),
          Map.entry("refi", "REFINANCE"),
          Map.entry("rateandterm", "REFINANCE"),
          Map.entry("rateterm", "REFINANCE"),
          Map.entry("ratetermrefi", "REFINANCE"),
          Map.entry("rateandtermrefi", "REFINANCE"),
          Map.entry("ratetermrefinance", "REFINANCE"),
          Map.entry("rateandtermrefinance", "REFINANCE"),
          Map.entry("nocashoutrefi", "REFINANCE"),
          Map.entry("nocashoutrefinance", "REFINANCE"),
          Map.entry("streamline", "REFINANCE"),
          Map.entry("cashout", "CASH_OUT"),
          Map.entry("cashoutrefi", "CASH_OUT"),
          Map.entry("cashoutrefinance", "CASH_OUT"),
          Map.entry("heloc", "HELOC"),
          Map.entry("homeequity", "HELOC"),
          Map.entry("homeequityline", "HELOC"),
          Map.entry("homeequitylineofcredit", "HELOC"),
          Map.entry("secondmortgage", "HELOC"),
          Map.entry("2ndmortgage", "HELOC"));

  /** A loan purpose's name for its common spellings ("Refi", "Cash-out refi"); else as given. */
  static String loanPurpose(String text) {
    if (text == null) {
      return null;
    }
    String name = PURPOSES.get(ImportField.normalise(text));
    return name != null ? name : LoanPurpose.parse(text).map(Enum::name).orElse(text);
  }

  private static final Map<String, String> BANDS =
      Map.ofEntries(
          Map.entry("excellent", "EXCELLENT"),
          Map.entry("exc", "EXCELLENT"),
          Map.entry("verygood", "EXCELLENT"),
          Map.entry("great", "EXCELLENT"),
          Map.entry("good", "GOOD"),
          Map.entry("fair", "FAIR"),
          Map.entry("average", "FAIR"),
          Map.entry("avg", "FAIR"),
          Map.entry("poor", "POOR"),
          Map.entry("bad", "POOR"),
          Map.entry("unknown", "UNKNOWN"),
          Map.entry("na", "UNKNOWN"),
          Map.entry("notsure", "UNKNOWN"),
          Map.entry("dontknow", "UNKNOWN"));

  /**
   * A credit band for its spellings, a FICO score ({@code 712}) or a range ({@code 680-719}, {@code
   * 740+}: its lower end); else as given.
   */
  static String creditBand(String text) {
    if (text == null) {
      return null;
    }
    String name = BANDS.get(ImportField.normalise(text));
    if (name != null) {
      return name;
    }
    String lower = text.strip().toLowerCase(Locale.ROOT);
    Matcher score = SCORE.matcher(lower);
    if (score.find()) {
      int value = Integer.parseInt(score.group(1));
      if (value >= 300 && value <= 850) {
        if (lower.startsWith("<") || lower.startsWith("below") || lower.startsWith("under")) {
          return CreditBand.ofScore(Math.max(300, value - 1)).name();
        }
        return CreditBand.ofScore(value).name();
      }
    }
    return CreditBand.parse(text).map(Enum::name).orElse(text);
  }

  private static final Map<String, String> STATES =
      Map.ofEntries(
          Map.entry("alabama", "AL"),
          Map.entry("alaska", "AK"),
          Map.entry("arizona", "AZ"),
          Map.entry("arkansas", "AR"),
          Map.entry("california", "CA"),
          Map.entry("colorado", "CO"),
          Map.entry("connecticut", "CT"),
          Map.entry("delaware", "DE"),
          Map.entry("florida", "FL"),
          Map.entry("georgia", "GA"),
          Map.entry("hawaii", "HI"),
          Map.entry("idaho", "ID"),
          Map.entry("illinois", "IL"),
          Map.entry("indiana", "IN"),
          Map.entry("iowa", "IA"),
          Map.entry("kansas", "KS"),
          Map.entry("kentucky", "KY"),
          Map.entry("louisiana", "LA"),
          Map.entry("maine", "ME"),
          Map.entry("maryland", "MD"),
          Map.entry("massachusetts", "MA"),
          Map.entry("michigan", "MI"),
          Map.entry("minnesota", "MN"),
          Map.entry("mississippi", "MS"),
          Map.entry("missouri", "MO"),
          Map.entry("montana", "MT"),
          Map.entry("nebraska", "NE"),
          Map.entry("nevada", "NV"),
          Map.entry("newhampshire", "NH"),
          Map.entry("newjersey", "NJ"),
          Map.entry("newmexico", "NM"),
          Map.entry("newyork", "NY"),
          Map.entry("northcarolina", "NC"),
          Map.entry("northdakota", "ND"),
          Map.entry("ohio", "OH"),
          Map.entry("oklahoma", "OK"),
          Map.entry("oregon", "OR"),
          Map.entry("pennsylvania", "PA"),
          Map.entry("rhodeisland", "RI"),
          Map.entry("southcarolina", "SC"),
          Map.entry("southdakota", "SD"),
          Map.entry("tennessee", "TN"),
          Map.entry("texas", "TX"),
          Map.entry("utah", "UT"),
          Map.entry("vermont", "VT"),
          Map.entry("virginia", "VA"),
          Map.entry("washington", "WA"),
          Map.entry("westvirginia", "WV"),
          Map.entry("wisconsin", "WI"),
          Map.entry("wyoming", "WY"),
          Map.entry("districtofcolumbia", "DC"),
          Map.entry("washingtondc", "DC"),
          Map.entry("puertorico", "PR"),
          Map.entry("guam", "GU"),
          Map.entry("usvirginislands", "VI"),
          Map.entry("virginislands", "VI"),
          Map.entry("americansamoa", "AS"),
          Map.entry("northernmarianaislands", "MP"));

  /** A state's USPS code for its name ("Texas"); else as given. */
  static String state(String text) {
    if (text == null) {
      return null;
    }
    String code = STATES.get(ImportField.normalise(text));
    return code != null ? code : text;
  }

  /** Tags separated by commas, semicolons or pipes. */
  static List<String> tags(String text) {
    List<String> tags = new ArrayList<>();
    if (text != null) {
      for (String tag : text.split("[,;|]")) {
        if (!tag.isBlank()) {
          tags.add(tag.strip());
        }
      }
    }
    return tags;
  }

  /** "Ada Lovelace" and "Lovelace, Ada": first names first; the last word is the last name. */
  static String[] splitName(String full) {
    String name = full.strip().replaceAll("\\s+", " ");
    int comma = name.indexOf(',');
    if (comma > 0) {
      return new String[] {name.substring(comma + 1).strip(), name.substring(0, comma).strip()};
    }
    int space = name.lastIndexOf(' ');
    if (space < 0) {
      return new String[] {name, null};
    }
    return new String[] {name.substring(0, space), name.substring(space + 1)};
  }
}
