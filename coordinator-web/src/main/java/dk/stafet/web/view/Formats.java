package dk.stafet.web.view;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times in Danish civil time (R1), durations in plain words: {@code {fmt:time(h.proposedAt)}}. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

  public static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(DANISH_TIME);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(DANISH_TIME);

  private Formats() {}

  static String time(Instant instant) {
    return instant == null ? "—" : TIME.format(instant);
  }

  static String date(Instant instant) {
    return instant == null ? "—" : DATE.format(instant);
  }

  /** A calendar day (e.g. a waiting-time deadline's last allowed day), already in Danish time. */
  static String day(LocalDate day) {
    return day == null ? "—" : DATE.format(day);
  }

  /** Days as a count without sign: "3 days left" and "3 days over" say the direction in words. */
  static long abs(Long days) {
    return days == null ? 0 : Math.abs(days);
  }

  /** Seconds as e.g. "2 d 3 t" / "4 h 10 min"; language-neutral units (d, h, min). */
  static String duration(Double seconds) {
    if (seconds == null) {
      return "—";
    }
    Duration d = Duration.ofSeconds(Math.round(seconds));
    if (d.toDays() > 0) {
      return d.toDays() + " d " + d.toHoursPart() + " h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
    return d.toMinutes() + " min";
  }

  static String percent(Double share) {
    return share == null ? "—" : Math.round(share * 1000) / 10.0 + " %";
  }
}
