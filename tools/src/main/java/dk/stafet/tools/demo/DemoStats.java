package dk.stafet.tools.demo;

import java.util.Map;
import java.util.TreeMap;

/** Counts for the periodic summary line and the final one. No patient data. */
final class DemoStats {

  long requests;
  long ok;
  long refused;
  long unreachable;
  long ledgerRetries;
  long badMessages;
  long quarantined;
  long coursesStarted;
  long coursesCompleted;
  long coursesAbandoned;
  long deaths;
  private final Map<String, Long> byKind = new TreeMap<>();

  void sent(String kind, int status, boolean retried) {
    requests++;
    if (retried) {
      ledgerRetries++;
    } else if (status == 0) {
      unreachable++;
    } else if (status < 300) {
      ok++;
      byKind.merge(kind, 1L, Long::sum);
    } else {
      refused++;
    }
  }

  String summary(long living) {
    return String.format(
        "%d requests (%d ok, %d refused, %d unreachable, %d ledger retries); %d bad messages "
            + "(%d quarantined); courses %d started, %d completed, %d abandoned; %d deaths; %d living patients; ok by kind %s",
        requests,
        ok,
        refused,
        unreachable,
        ledgerRetries,
        badMessages,
        quarantined,
        coursesStarted,
        coursesCompleted,
        coursesAbandoned,
        deaths,
        living,
        byKind);
  }
}
