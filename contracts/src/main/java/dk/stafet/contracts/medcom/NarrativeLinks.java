package dk.stafet.contracts.medcom;

/**
 * The anchors and links the fast path accepts in a narrative ({@code <a name>}, {@code <a href>}),
 * checked character by character: as regular expressions they were a third of the narrative walk
 * (JFR, session 17). {@code NarrativeLinksTest} holds them to the expressions they replace.
 */
final class NarrativeLinks {

  private NarrativeLinks() {}

  /** {@code [A-Za-z0-9_.:-]+}: an anchor's name. */
  static boolean isAnchorName(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(PrimitiveFormats.isAsciiLetterOrDigit(c)
          || c == '_'
          || c == '.'
          || c == ':'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * An anchor, a relative or a web link, and no other scheme: {@code
   * (https?://|#)?[A-Za-z0-9_.:/#=? &%+~-]+}, and if it starts with a scheme ({@code
   * [A-Za-z][A-Za-z0-9+.-]*:}), that is {@code http://} or {@code https://}. A link that resolves
   * nowhere is only a warning (ValidationFindingPolicy).
   */
  static boolean isSafeLink(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(PrimitiveFormats.isAsciiLetterOrDigit(c) || "_.:/#=?&%+~-".indexOf(c) >= 0)) {
        return false;
      }
    }
    return PrimitiveFormats.schemeColon(value) < 0
        || value.startsWith("http://")
        || value.startsWith("https://");
  }
}
