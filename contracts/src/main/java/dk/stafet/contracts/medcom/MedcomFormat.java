package dk.stafet.contracts.medcom;

import java.util.Locale;
import java.util.Optional;

/** The two wire formats MedCom allows (VANS MIME type application/fhir+json or +xml). */
public enum MedcomFormat {
  JSON("application/fhir+json"),
  XML("application/fhir+xml");

  private final String mimeType;

  MedcomFormat(String mimeType) {
    this.mimeType = mimeType;
  }

  public String mimeType() {
    return mimeType;
  }

  /**
   * Maps a Content-Type such as {@code application/fhir+xml; charset=utf-8}; empty when it says
   * nothing useful.
   */
  public static Optional<MedcomFormat> fromContentType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return Optional.empty();
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    if (type.contains("json")) {
      return Optional.of(JSON);
    }
    if (type.contains("xml")) {
      return Optional.of(XML);
    }
    return Optional.empty();
  }

  /** Guesses from the first non-whitespace character: '{' is JSON, '<' is XML. */
  public static Optional<MedcomFormat> sniff(String body) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (Character.isWhitespace(c) || c == '\uFEFF') {
        continue;
      }
      if (c == '{') {
        return Optional.of(JSON);
      }
      if (c == '<') {
        return Optional.of(XML);
      }
      return Optional.empty();
    }
    return Optional.empty();
  }
}
