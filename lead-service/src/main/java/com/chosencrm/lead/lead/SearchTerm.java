package com.chosencrm.lead.lead;

import com.chosencrm.common.problem.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user typed into lead search, as matched against {@code lead.search_text} (lower-case name,
 * email and phone digits): a term made of digits and phone punctuation is looked for as digits in
 * any format ({@code (305) 555} finds {@code +13055550107}); anything else as typed, and, if it
 * looks like a name (letters, spaces, {@code ' . -}), also by resemblance (typos in names).
 *
 * @param text the term, trimmed and lower-case
 * @param pattern the {@code LIKE} pattern for "contains", wildcards in the term escaped
 * @param fuzzy whether leads that only resemble the term are wanted too
 */
record SearchTerm(String text, String pattern, boolean fuzzy) {

  private static final Pattern PHONE_LIKE = Pattern.compile("[0-9()+\\-.\\s]+");
  private static final Pattern NAME_LIKE = Pattern.compile("[\\p{L}\\s'.-]+");

  static SearchTerm parse(String q) {
    String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    if (text.length() < 2 || text.length() > 100) {
      throw InvalidRequestException.field("q", "Search for 2 to 100 characters");
    }
    String digits = PhoneNumbers.digits(text);
    if (digits.length() >= 3 && PHONE_LIKE.matcher(text).matches()) {
      return new SearchTerm(text, "%" + digits + "%", false);
    }
    boolean name = NAME_LIKE.matcher(text).matches() && text.chars().anyMatch(Character::isLetter);
    return new SearchTerm(text, "%" + LeadQueries.escapeLike(text) + "%", name);
  }
}
