package dk.stafet.referral.waitingtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.stafet.referral.course.WaitingTimeRule;
import dk.stafet.referral.course.lifecycle.ReferralState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * Deadline computation from the shipped rules (waiting-times.json): calendar days, working days,
 * Danish time.
 */
class DeadlineTests {

  private static final WaitingTimeRules RULES = WaitingTimeRules.load("waiting-times.json");
  private static final WaitingTimes WAITING_TIMES = new WaitingTimes(RULES, Duration.ofDays(3));

  /** Noon on {@code date} in Danish time. */
  private static Instant noon(LocalDate date) {
    return date.atTime(12, 0).atZone(WaitingTimeRules.ZONE).toInstant();
  }

  private static LocalDate lastDay(WaitingTimeRule rule, Instant receivedAt, Instant acceptedAt) {
    return RULES.rule(rule).deadline(receivedAt, acceptedAt).orElseThrow().lastDay();
  }

  // ---- the rules are data, with their source and date ----

  @Test
  void theShippedRulesNameTheirSourceAndDateAndHoldTheBriefsNumbers() {
    assertThat(RULES.source()).contains("Sundhedsstyrelsen").contains("Feb 2024");
    assertThat(RULES.updated()).isEqualTo(YearMonth.of(2024, 2));
    assertThat(RULES.rule(WaitingTimeRule.W1).limits())
        .containsExactly(
            new WaitingTimeRules.Limit(
                WaitingTimeRules.Start.RECEIVED, 14, WaitingTimeRules.DayCount.CALENDAR_DAYS));
    assertThat(RULES.rule(WaitingTimeRule.W2).limits())
        .containsExactly(
            new WaitingTimeRules.Limit(
                WaitingTimeRules.Start.RECEIVED, 8, WaitingTimeRules.DayCount.WORKING_DAYS));
    assertThat(RULES.rule(WaitingTimeRule.W4).limits().get(0).days()).isEqualTo(28);
    assertThat(RULES.rule(WaitingTimeRule.W6).limits())
        .extracting(WaitingTimeRules.Limit::days)
        .containsExactly(10, 14);
    assertThat(RULES.rule(WaitingTimeRule.W7).limits())
        .extracting(WaitingTimeRules.Limit::days)
        .containsExactly(14, 21);
    assertThat(RULES.rule(WaitingTimeRule.W8).limits())
        .extracting(WaitingTimeRules.Limit::days)
        .containsExactly(21, 35);
    for (WaitingTimeRule id : WaitingTimeRule.values()) {
      assertThat(RULES.rule(id).to()).as(id + ".to").isNotBlank();
      assertThat(RULES.rule(id).from()).as(id + ".from").isNotBlank();
    }
  }

  @Test
  void incompleteOrUnknownRuleDataIsRefused() {
    assertThatThrownBy(() -> read("{\"source\":\"s\",\"updated\":\"2024-02\",\"rules\":[]}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("W1 is missing");
    assertThatThrownBy(() -> read("{\"updated\":\"2024-02\",\"rules\":[]}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("source");
    assertThatThrownBy(() -> read("{\"source\":\"s\",\"updated\":\"Feb\",\"rules\":[]}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("updated");
    assertThatThrownBy(
            () ->
                read(
                    "{\"source\":\"s\",\"updated\":\"2024-02\",\"rules\":[{\"id\":\"W1\",\"metBy\":\"STARTED\","
                        + "\"limits\":[{\"start\":\"RECEIVED\",\"days\":0,\"unit\":\"CALENDAR_DAYS\"}]}]}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("positive days");
    assertThatThrownBy(
            () -> read("{\"source\":\"s\",\"updated\":\"2024-02\",\"rules\":[],\"maxDays\":3}"))
        .isInstanceOf(IOException.class); // a misspelt key is not silently ignored
  }

  private static WaitingTimeRules read(String json) throws IOException {
    return WaitingTimeRules.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  // ---- W2: 8 working days ----

  @Test
  void w2CountsEightWorkingDaysAcrossAWeekend() {
    LocalDate thursday = LocalDate.of(2026, 3, 5);
    assertThat(thursday.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
    // Fri 6 (1), Mon 9 .. Fri 13 (2–6), Mon 16 (7), Tue 17 (8)
    assertThat(lastDay(WaitingTimeRule.W2, noon(thursday), null))
        .isEqualTo(LocalDate.of(2026, 3, 17));
    // Received on a Saturday: the count starts on Monday.
    assertThat(lastDay(WaitingTimeRule.W2, noon(LocalDate.of(2026, 3, 7)), null))
        .isEqualTo(LocalDate.of(2026, 3, 18));
    // From a Monday without holidays: 10 calendar days.
    assertThat(lastDay(WaitingTimeRule.W2, noon(LocalDate.of(2026, 3, 9)), null))
        .isEqualTo(LocalDate.of(2026, 3, 19));
  }

  @Test
  void w2CountsEightWorkingDaysAcrossEaster2026() {
    // Tue 31 Mar: Wed 1 Apr (1); Maundy Thursday 2, Good Friday 3, the weekend, Easter Monday 6 do
    // not count;
    // Tue 7 (2), Wed 8 (3), Thu 9 (4), Fri 10 (5), Mon 13 (6), Tue 14 (7), Wed 15 (8).
    assertThat(lastDay(WaitingTimeRule.W2, noon(LocalDate.of(2026, 3, 31)), null))
        .isEqualTo(LocalDate.of(2026, 4, 15));
    // Received on Maundy Thursday itself: the first working day after it is Tuesday 7 April.
    assertThat(lastDay(WaitingTimeRule.W2, noon(LocalDate.of(2026, 4, 2)), null))
        .isEqualTo(LocalDate.of(2026, 4, 16));
    // Wed 1 Apr: Tue 7 (1) … Thu 16 (8) — 15 calendar days over Easter.
    assertThat(lastDay(WaitingTimeRule.W2, noon(LocalDate.of(2026, 4, 1)), null))
        .isEqualTo(LocalDate.of(2026, 4, 16));
  }

  @Test
  void w2CountsChristmasEveAndNewYearsEveAsWorkingDays() {
    // Mon 21 Dec 2026: 22, 23, 24 Dec (1–3), Christmas Day and Boxing Day and the weekend do not
    // count, 28–31 Dec
    // (4–7), New Year's Day and the weekend do not count, Mon 4 Jan 2027 (8). GP practices may be
    // closed on 24 and
    // 31 Dec, but these are no public holidays: counting them makes the deadline earlier, never
    // later.
    assertThat(lastDay(WaitingTimeRule.W2, noon(LocalDate.of(2026, 12, 21)), null))
        .isEqualTo(LocalDate.of(2027, 1, 4));
  }

  @Test
  void theReceivingDayIsTheDanishCalendarDay() {
    // 23:30 UTC on 1 April 2026 is 01:30 on 2 April in Copenhagen (summer time): day 0 is Maundy
    // Thursday.
    Instant lateEvening = Instant.parse("2026-04-01T23:30:00Z");
    assertThat(lastDay(WaitingTimeRule.W2, lateEvening, null)).isEqualTo(LocalDate.of(2026, 4, 16));
    assertThat(lastDay(WaitingTimeRule.W1, lateEvening, null)).isEqualTo(LocalDate.of(2026, 4, 16));
  }

  // ---- calendar-day rules ----

  @Test
  void calendarDayRulesCountFromTheReceivingDayAndEndAtDanishMidnight() {
    Instant received = noon(LocalDate.of(2026, 3, 1));
    WaitingTimeRules.Deadline w1 =
        RULES.rule(WaitingTimeRule.W1).deadline(received, null).orElseThrow();
    assertThat(w1.lastDay()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(w1.exceededAt())
        .isEqualTo(Instant.parse("2026-03-15T23:00:00Z")); // 16 March 00:00 CET
    assertThat(lastDay(WaitingTimeRule.W4, received, null)).isEqualTo(LocalDate.of(2026, 3, 29));
    // Across the switch to summer time (29 March 2026): midnight is 22:00 UTC afterwards.
    WaitingTimeRules.Deadline w4 =
        RULES.rule(WaitingTimeRule.W4).deadline(received, null).orElseThrow();
    assertThat(w4.exceededAt()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
  }

  @Test
  void rulesFromAcceptanceWaitForTheAcceptance() {
    Instant received = noon(LocalDate.of(2026, 3, 2));
    Instant accepted = noon(LocalDate.of(2026, 3, 4));
    WaitingTimes.Assessment pending =
        WAITING_TIMES.assess(
            WaitingTimeRule.W3,
            ReferralState.RECEIVED,
            received,
            null,
            noon(LocalDate.of(2026, 3, 3)));
    assertThat(pending.open()).isTrue();
    assertThat(pending.status()).isEqualTo(WaitingTimeStatus.PENDING);
    assertThat(pending.deadline()).isEmpty();
    assertThat(lastDay(WaitingTimeRule.W3, received, accepted))
        .isEqualTo(LocalDate.of(2026, 3, 18));
    assertThat(lastDay(WaitingTimeRule.W5, received, accepted))
        .isEqualTo(LocalDate.of(2026, 3, 18));
  }

  @Test
  void heartRulesTakeTheEarlierOfTheirTwoLimits() {
    Instant received = noon(LocalDate.of(2026, 3, 2));
    // W6: 14 days from received (16 March) until accepted; accepted on day 2 → 10 days from then
    // (14 March).
    assertThat(lastDay(WaitingTimeRule.W6, received, null)).isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(lastDay(WaitingTimeRule.W6, received, noon(LocalDate.of(2026, 3, 4))))
        .isEqualTo(LocalDate.of(2026, 3, 14));
    // Accepted on day 6: the received limit (16 March) is still the earlier one.
    assertThat(lastDay(WaitingTimeRule.W6, received, noon(LocalDate.of(2026, 3, 8))))
        .isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(lastDay(WaitingTimeRule.W7, received, null)).isEqualTo(LocalDate.of(2026, 3, 23));
    assertThat(lastDay(WaitingTimeRule.W8, received, null)).isEqualTo(LocalDate.of(2026, 4, 6));
    assertThat(lastDay(WaitingTimeRule.W8, received, noon(LocalDate.of(2026, 3, 3))))
        .isEqualTo(LocalDate.of(2026, 3, 24));
  }

  // ---- status, warning, met ----

  @Test
  void statusMovesFromOnTrackToWarningToExceeded() {
    Instant received =
        noon(LocalDate.of(2026, 3, 1)); // W1: last day 15 March, exceeded at 16 March 00:00
    Instant exceededAt =
        ZonedDateTime.of(2026, 3, 16, 0, 0, 0, 0, WaitingTimeRules.ZONE).toInstant();
    Instant warnFrom = exceededAt.minus(Duration.ofDays(3));

    WaitingTimes.Assessment early =
        WAITING_TIMES.assess(
            WaitingTimeRule.W1, ReferralState.RECEIVED, received, null, warnFrom.minusSeconds(1));
    assertThat(early.status()).isEqualTo(WaitingTimeStatus.ON_TRACK);
    assertThat(early.daysLeft()).isEqualTo(3);

    WaitingTimes.Assessment warning =
        WAITING_TIMES.assess(
            WaitingTimeRule.W1,
            ReferralState.ACCEPTED,
            received,
            noon(LocalDate.of(2026, 3, 2)),
            warnFrom);
    assertThat(warning.status()).isEqualTo(WaitingTimeStatus.WARNING);
    assertThat(warning.warnFrom()).isEqualTo(warnFrom);
    assertThat(warning.daysLeft()).isEqualTo(2);

    WaitingTimes.Assessment lastDay =
        WAITING_TIMES.assess(
            WaitingTimeRule.W1, ReferralState.RECEIVED, received, null, exceededAt.minusSeconds(1));
    assertThat(lastDay.status()).isEqualTo(WaitingTimeStatus.WARNING);
    assertThat(lastDay.daysLeft()).isZero();

    WaitingTimes.Assessment over =
        WAITING_TIMES.assess(
            WaitingTimeRule.W1,
            ReferralState.RECEIVED,
            received,
            null,
            exceededAt.plus(Duration.ofDays(2)));
    assertThat(over.status()).isEqualTo(WaitingTimeStatus.EXCEEDED);
    assertThat(over.daysLeft()).isEqualTo(-3);
  }

  @Test
  void theWarningTimeIsConfigurable() {
    WaitingTimes oneDay = new WaitingTimes(RULES, Duration.ofDays(1));
    Instant received = noon(LocalDate.of(2026, 3, 1));
    Instant twoDaysBefore =
        ZonedDateTime.of(2026, 3, 14, 0, 0, 0, 0, WaitingTimeRules.ZONE).toInstant();
    assertThat(
            oneDay
                .assess(WaitingTimeRule.W1, ReferralState.RECEIVED, received, null, twoDaysBefore)
                .status())
        .isEqualTo(WaitingTimeStatus.ON_TRACK);
    assertThat(
            WAITING_TIMES
                .assess(WaitingTimeRule.W1, ReferralState.RECEIVED, received, null, twoDaysBefore)
                .status())
        .isEqualTo(WaitingTimeStatus.WARNING);
  }

  @Test
  void aReferralIsMetByTheRulesToEventAndClosedWhenRejectedButNotWhenForwarded() {
    Instant received = noon(LocalDate.of(2026, 3, 1));
    Instant visited = noon(LocalDate.of(2026, 3, 2));
    Instant late = noon(LocalDate.of(2026, 6, 1));
    // W1 waits for the first examination (STARTED); acceptance alone does not meet it.
    assertThat(
            WAITING_TIMES
                .assess(WaitingTimeRule.W1, ReferralState.ACCEPTED, received, visited, late)
                .open())
        .isTrue();
    assertThat(
            WAITING_TIMES
                .assess(WaitingTimeRule.W1, ReferralState.STARTED, received, visited, late)
                .open())
        .isFalse();
    assertThat(
            WAITING_TIMES
                .assess(WaitingTimeRule.W1, ReferralState.ENDED, received, visited, late)
                .open())
        .isFalse();
    // W2 waits for the patient to be told the date: the visitation's acceptance.
    assertThat(
            WAITING_TIMES
                .assess(WaitingTimeRule.W2, ReferralState.RECEIVED, received, null, late)
                .open())
        .isTrue();
    assertThat(
            WAITING_TIMES
                .assess(WaitingTimeRule.W2, ReferralState.ACCEPTED, received, visited, late)
                .open())
        .isFalse();
    for (WaitingTimeRule rule : WaitingTimeRule.values()) {
      assertThat(WAITING_TIMES.assess(rule, ReferralState.REJECTED, received, visited, late).open())
          .isFalse();
      // Forwarded: the new receiver has still to visit it; the clock runs on from the first
      // receipt, as if received.
      assertThat(WAITING_TIMES.assess(rule, ReferralState.FORWARDED, received, visited, late))
          .isEqualTo(WAITING_TIMES.assess(rule, ReferralState.RECEIVED, received, null, late));
    }
  }
}
