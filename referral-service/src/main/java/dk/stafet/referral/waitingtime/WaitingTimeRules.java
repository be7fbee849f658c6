package dk.stafet.referral.waitingtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.stafet.contracts.calendar.DanishCalendar;
import dk.stafet.referral.course.WaitingTimeRule;
import dk.stafet.referral.course.lifecycle.ReferralState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The maximum waiting times W1–W8 (domain brief §8) as configuration data with their source and
 * date ({@code waiting-times.json}, or the file named by {@code stafet.waiting-time.rules});
 * nothing about the limits is coded here. Immutable once read; {@link #read} refuses an incomplete
 * or inconsistent file, so a bad file stops the service at start instead of silently watching the
 * wrong deadlines.
 */
public final class WaitingTimeRules {

  /** Danish civil time: a day is a day in Denmark. */
  public static final ZoneId ZONE = DanishCalendar.ZONE;

  /**
   * Only its working days are used, and the R4 switch (GP practices closed on 24 Dec etc.) does not
   * touch them.
   */
  private static final DanishCalendar CALENDAR = new DanishCalendar();

  /** The fact that starts a limit's clock. */
  public enum Start {
    /** The day the hospital received the referral ({@code REFERRAL_RECEIVED}; day 0). */
    RECEIVED,
    /** The day the referral was accepted at visitation ({@code REFERRAL_ACCEPTED}; day 0). */
    ACCEPTED
  }

  public enum DayCount {
    CALENDAR_DAYS,
    /**
     * Monday–Friday except Danish public holidays ({@link DanishCalendar#isWorkingDay}). 5 June, 24
     * December and 31 December are not public holidays and count as working days: counting a day
     * off as a working day makes a deadline earlier, never later, so the watch errs on the
     * patient's side.
     */
    WORKING_DAYS
  }

  /** One maximum: {@code days} {@code unit} from the {@code start} day. */
  public record Limit(Start start, int days, DayCount unit) {

    /** The last allowed day when the clock started on {@code startDay}. */
    public LocalDate lastDay(LocalDate startDay) {
      return unit == DayCount.WORKING_DAYS
          ? CALENDAR.plusWorkingDays(startDay, days)
          : startDay.plusDays(days);
    }

    public String describe() {
      return days
          + (unit == DayCount.WORKING_DAYS ? " working days" : " days")
          + " from referral "
          + start.name().toLowerCase();
    }
  }

  /**
   * One rule: what it applies to, from → to (as text, from the source), the referral state that
   * reports the "to" event ({@code metBy}: that state or a later one on the way RECEIVED → ACCEPTED
   * → STARTED → ENDED), and its limits. With several limits the earliest deadline whose clock has
   * started applies.
   */
  public record Rule(
      WaitingTimeRule id,
      String condition,
      String from,
      String to,
      ReferralState metBy,
      List<Limit> limits) {

    public Rule {
      limits = limits == null ? List.of() : List.copyOf(limits);
    }

    /** The deadline as far as the clocks have started: none while no limit's start has happened. */
    public Optional<Deadline> deadline(Instant receivedAt, Instant acceptedAt) {
      List<Deadline> candidates = new ArrayList<>();
      for (Limit limit : limits) {
        Instant start = limit.start() == Start.RECEIVED ? receivedAt : acceptedAt;
        if (start != null) {
          LocalDate lastDay = limit.lastDay(start.atZone(ZONE).toLocalDate());
          candidates.add(
              new Deadline(
                  lastDay, lastDay.plusDays(1).atStartOfDay(ZONE).toInstant(), start, limit));
        }
      }
      return candidates.stream().min(Comparator.comparing(Deadline::lastDay));
    }
  }

  /**
   * A deadline: the last allowed day (Danish time) and the instant it is exceeded (the start of the
   * day after).
   *
   * @param clockStartedAt when the clock of the deciding limit started
   */
  public record Deadline(
      LocalDate lastDay, Instant exceededAt, Instant clockStartedAt, Limit limit) {}

  /** The file's shape. */
  record Document(String source, String updated, String note, List<Rule> rules) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
  private static final Set<ReferralState> MET_BY =
      Set.of(ReferralState.ACCEPTED, ReferralState.STARTED, ReferralState.ENDED);

  private final String source;
  private final YearMonth updated;
  private final Map<WaitingTimeRule, Rule> rules;

  private WaitingTimeRules(String source, YearMonth updated, Map<WaitingTimeRule, Rule> rules) {
    this.source = source;
    this.updated = updated;
    this.rules = rules;
  }

  /** Reads the rules from a file if {@code location} names one, else from the class path. */
  public static WaitingTimeRules load(String location) {
    Path file = Path.of(location);
    try (InputStream in =
        Files.isRegularFile(file)
            ? Files.newInputStream(file)
            : WaitingTimeRules.class.getClassLoader().getResourceAsStream(location)) {
      if (in == null) {
        throw new IllegalStateException("waiting-time rules not found: " + location);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("waiting-time rules unreadable: " + location, e);
    }
  }

  /**
   * @throws IllegalStateException naming the problem, if the rules are incomplete or inconsistent
   */
  public static WaitingTimeRules read(InputStream json) throws IOException {
    Document document = JSON.readValue(json, Document.class);
    if (document.source() == null || document.source().isBlank()) {
      throw new IllegalStateException("waiting-time rules: 'source' is required");
    }
    YearMonth updated;
    try {
      updated = YearMonth.parse(String.valueOf(document.updated()));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          "waiting-time rules: 'updated' must be a year-month such as 2024-02");
    }
    Map<WaitingTimeRule, Rule> rules = new EnumMap<>(WaitingTimeRule.class);
    for (Rule rule : document.rules() == null ? List.<Rule>of() : document.rules()) {
      validate(rule);
      if (rules.put(rule.id(), rule) != null) {
        throw new IllegalStateException("waiting-time rules: " + rule.id() + " is given twice");
      }
    }
    for (WaitingTimeRule id : WaitingTimeRule.values()) {
      if (!rules.containsKey(id)) {
        throw new IllegalStateException("waiting-time rules: " + id + " is missing");
      }
    }
    return new WaitingTimeRules(document.source().trim(), updated, Map.copyOf(rules));
  }

  private static void validate(Rule rule) {
    if (rule.id() == null) {
      throw new IllegalStateException("waiting-time rules: a rule has no id");
    }
    if (rule.metBy() == null || !MET_BY.contains(rule.metBy())) {
      throw new IllegalStateException(
          "waiting-time rules: " + rule.id() + ".metBy must be one of " + MET_BY);
    }
    if (rule.limits().isEmpty()) {
      throw new IllegalStateException("waiting-time rules: " + rule.id() + " has no limits");
    }
    Set<Start> starts = new HashSet<>();
    for (Limit limit : rule.limits()) {
      if (limit == null || limit.start() == null || limit.unit() == null || limit.days() <= 0) {
        throw new IllegalStateException(
            "waiting-time rules: "
                + rule.id()
                + " has a limit without start, unit or positive days");
      }
      if (!starts.add(limit.start())) {
        throw new IllegalStateException(
            "waiting-time rules: " + rule.id() + " has two limits from " + limit.start());
      }
    }
  }

  public Rule rule(WaitingTimeRule id) {
    return rules.get(id);
  }

  public String source() {
    return source;
  }

  public YearMonth updated() {
    return updated;
  }
}
