package dk.stafet.contracts.cpr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Danish CPR number (domain-brief.md §1): 10 digits DDMMYY-SSSS, the 7th digit with YY giving the
 * century. A failing modulus-11 check is only a warning (rule I1): numbers issued since 2007 may
 * fail it, and MedCom's own examples use 2509479989. {@link #toString()} is masked; {@link
 * #value()} is the only way to the digits, for the FHIR identifier and nowhere else (never log it,
 * never use it as a key).
 */
public final class CprNumber {

  public static final String FHIR_SYSTEM = "urn:oid:1.2.208.176.1.2";
  private static final int[] MODULUS_11_WEIGHTS = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};

  /**
   * Anything shaped like a CPR number: exactly ten digits, with or without the hyphen after the
   * date (the one capturing group). Identifiers the services print beside it are matched first and
   * kept whole: a UUID (message and event ids; {@code 1c283734-0348-…} holds a CPR-shaped run) and
   * a hex token of 16 or more characters with a letter in it (trace and span ids, keyed
   * pseudonyms).
   */
  private static final Pattern CPR_LIKE =
      Pattern.compile(
          "\\b[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\\b"
              + "|\\b(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{16,}\\b"
              + "|((?<!\\d)\\d{6}-?\\d{4}(?!\\d))");

  public static final String MASK = "**********";

  public enum LegalSex {
    MALE,
    FEMALE
  }

  private final String digits;
  private final LocalDate birthDate;

  private CprNumber(String digits, LocalDate birthDate) {
    this.digits = digits;
    this.birthDate = birthDate;
  }

  /**
   * The text with anything shaped like a CPR number replaced by {@value #MASK}: for text people
   * read (problem details, quarantine reasons, demo output) that may quote a value. SOR codes (15
   * digits) and GLNs (13) are longer and stay readable, and so do UUIDs and hex identifiers.
   */
  public static String maskAll(String text) {
    if (text == null) {
      return null;
    }
    return CPR_LIKE
        .matcher(text)
        .replaceAll(
            match -> match.group(1) != null ? MASK : Matcher.quoteReplacement(match.group()));
  }

  /**
   * Parses a CPR number with or without the hyphen after the date.
   *
   * @throws IllegalArgumentException if there are errors (not for a modulus-11 warning); the
   *     message names the rule only
   */
  public static CprNumber parse(String text) {
    List<CprIssue> issues = validate(text);
    issues.stream()
        .filter(CprIssue::isError)
        .findFirst()
        .ifPresent(
            error -> {
              throw new IllegalArgumentException("Invalid CPR number: " + error.message());
            });
    String digits = normalise(text);
    return new CprNumber(digits, birthDateOf(digits));
  }

  /** All findings; an empty list or warnings only means the number is acceptable. */
  public static List<CprIssue> validate(String text) {
    List<CprIssue> issues = new ArrayList<>();
    if (text == null || text.isBlank()) {
      issues.add(new CprIssue(CprIssue.Severity.ERROR, "cpr-missing", "CPR number is missing"));
      return issues;
    }
    String digits = normalise(text);
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      issues.add(
          new CprIssue(
              CprIssue.Severity.ERROR, "cpr-not-digits", "CPR number may contain digits only"));
      return issues;
    }
    if (digits.length() != 10) {
      issues.add(
          new CprIssue(CprIssue.Severity.ERROR, "cpr-length", "CPR number must have 10 digits"));
      return issues;
    }
    if (birthDateOf(digits) == null) {
      issues.add(
          new CprIssue(
              CprIssue.Severity.ERROR, "cpr-date", "CPR number does not start with a valid date"));
      return issues;
    }
    if (!passesModulus11(digits)) {
      issues.add(
          new CprIssue(
              CprIssue.Severity.WARNING,
              "cpr-modulus-11",
              "CPR number fails the modulus-11 check; valid for numbers issued since 2007"));
    }
    return issues;
  }

  public static boolean passesModulus11(String digits) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (digits.charAt(i) - '0') * MODULUS_11_WEIGHTS[i];
    }
    return sum % 11 == 0;
  }

  /** The 10 digits, without hyphen. Only for FHIR identifiers and CPR look-ups. */
  public String value() {
    return digits;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  /**
   * The number as a person who may see the patient is shown it: the date part and a masked
   * sequence, {@code 070358-****}. The date says no more than the birth date (and the age beside
   * it); the last four digits, which with the date identify the person and give the legal sex, stay
   * hidden (docs/web.md, "Patients by name").
   */
  public String maskedSequence() {
    return digits.substring(0, 6) + "-****";
  }

  /** Legal sex: odd last digit is male, even is female. */
  public LegalSex legalSex() {
    return (digits.charAt(9) - '0') % 2 == 1 ? LegalSex.MALE : LegalSex.FEMALE;
  }

  public boolean passesModulus11() {
    return passesModulus11(digits);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CprNumber cpr && cpr.digits.equals(digits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(digits);
  }

  @Override
  public String toString() {
    return "CPR(******-****)";
  }

  private static String normalise(String text) {
    String trimmed = text.trim();
    return trimmed.length() == 11 && trimmed.charAt(6) == '-'
        ? trimmed.substring(0, 6) + trimmed.substring(7)
        : trimmed;
  }

  /** Century from the 7th digit and YY (domain-brief §1); null if the date does not exist. */
  private static LocalDate birthDateOf(String digits) {
    int day = Integer.parseInt(digits.substring(0, 2));
    int month = Integer.parseInt(digits.substring(2, 4));
    int yy = Integer.parseInt(digits.substring(4, 6));
    int seventh = digits.charAt(6) - '0';
    int century;
    if (seventh <= 3) {
      century = 1900;
    } else if (seventh == 4 || seventh == 9) {
      century = yy <= 36 ? 2000 : 1900;
    } else {
      century = yy <= 57 ? 2000 : 1800;
    }
    try {
      return LocalDate.of(century + yy, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
