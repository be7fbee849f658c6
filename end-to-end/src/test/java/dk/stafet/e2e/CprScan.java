package dk.stafet.e2e;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for CPR numbers in text a run leaves behind (log lines, Kafka keys, headers, payloads):
 * each of the CPR numbers the run used, anywhere, with or without the hyphen, and any other
 * CPR-shaped token (a day and month that exist, two year digits, four more; with or without the
 * hyphen; not part of a longer word or number, so SOR codes, GLNs, timestamps, UUIDs and hex
 * pseudonyms do not count). A finding names where, never the number (docs/security.md, "CPR
 * numbers").
 */
final class CprScan {

  static final Pattern CPR_SHAPED =
      Pattern.compile(
          "(?<![0-9A-Za-z])(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2}-?[0-9]{4}(?![0-9A-Za-z])");

  private final Set<String> known = new TreeSet<>();
  private final List<String> findings = new ArrayList<>();
  private long scanned;

  CprScan(Collection<String> knownCprs) {
    for (String cpr : knownCprs) {
      String digits = cpr.replace("-", "");
      known.add(digits);
      known.add(digits.substring(0, 6) + "-" + digits.substring(6));
    }
  }

  /** Scans one piece of text; {@code where} says where it was (file:line, topic/offset/header). */
  void scan(String where, String text) {
    scanned++;
    if (text == null || text.isEmpty()) {
      return;
    }
    for (String cpr : known) {
      int at = text.indexOf(cpr);
      if (at >= 0) {
        findings.add(where + ": a CPR number of the run at character " + at);
        return;
      }
    }
    Matcher m = CPR_SHAPED.matcher(text);
    if (m.find()) {
      findings.add(where + ": CPR-shaped text at character " + m.start());
    }
  }

  List<String> findings() {
    return List.copyOf(findings);
  }

  long scanned() {
    return scanned;
  }
}
