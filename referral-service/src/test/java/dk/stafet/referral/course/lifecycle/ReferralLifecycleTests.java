package dk.stafet.referral.course.lifecycle;

import static dk.stafet.referral.course.lifecycle.ReferralState.ACCEPTED;
import static dk.stafet.referral.course.lifecycle.ReferralState.ENDED;
import static dk.stafet.referral.course.lifecycle.ReferralState.FORWARDED;
import static dk.stafet.referral.course.lifecycle.ReferralState.RECEIVED;
import static dk.stafet.referral.course.lifecycle.ReferralState.REJECTED;
import static dk.stafet.referral.course.lifecycle.ReferralState.STARTED;
import static dk.stafet.referral.course.lifecycle.ReferralTransition.ACCEPT;
import static dk.stafet.referral.course.lifecycle.ReferralTransition.END;
import static dk.stafet.referral.course.lifecycle.ReferralTransition.FORWARD;
import static dk.stafet.referral.course.lifecycle.ReferralTransition.REJECT;
import static dk.stafet.referral.course.lifecycle.ReferralTransition.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferralLifecycleTests {

  /** The whole valid table; every other (state, transition) pair must be refused. */
  private static final Map<ReferralState, Map<ReferralTransition, ReferralState>> VALID =
      Map.of(
          RECEIVED, Map.of(ACCEPT, ACCEPTED, REJECT, REJECTED, FORWARD, FORWARDED),
          ACCEPTED, Map.of(START, STARTED),
          STARTED, Map.of(END, ENDED),
          REJECTED, Map.of(),
          FORWARDED, Map.of(ACCEPT, ACCEPTED, REJECT, REJECTED), // the new receiver's visitation
          ENDED, Map.of());

  static Stream<Arguments> valid() {
    List<Arguments> rows = new ArrayList<>();
    VALID.forEach((from, moves) -> moves.forEach((t, to) -> rows.add(Arguments.of(from, t, to))));
    return rows.stream();
  }

  static Stream<Arguments> invalid() {
    List<Arguments> rows = new ArrayList<>();
    for (ReferralState from : ReferralState.values()) {
      for (ReferralTransition t : ReferralTransition.values()) {
        if (!VALID.get(from).containsKey(t)) {
          rows.add(Arguments.of(from, t));
        }
      }
    }
    return rows.stream();
  }

  @Test
  void startsReceived() {
    assertThat(ReferralLifecycle.initial()).isEqualTo(RECEIVED);
  }

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @MethodSource("valid")
  void validTransitionLeadsToItsState(
      ReferralState from, ReferralTransition transition, ReferralState to) {
    assertThat(ReferralLifecycle.allowed(from, transition)).isTrue();
    assertThat(ReferralLifecycle.next(from, transition)).isEqualTo(to);
  }

  @ParameterizedTest(name = "{0} --{1}--> refused")
  @MethodSource("invalid")
  void invalidTransitionIsRefusedNamingIt(ReferralState from, ReferralTransition transition) {
    assertThat(ReferralLifecycle.allowed(from, transition)).isFalse();
    assertThatThrownBy(() -> ReferralLifecycle.next(from, transition))
        .isInstanceOfSatisfying(
            InvalidTransitionException.class,
            e -> {
              assertThat(e.aggregate()).isEqualTo("referral");
              assertThat(e.transition()).isEqualTo(transition.name());
              assertThat(e.fromState()).isEqualTo(from.name());
              assertThat(e.getMessage())
                  .contains(transition.name(), from.name())
                  .doesNotContainPattern("\\d{6}");
            });
  }

  @Test
  void tableCoversEveryPair() {
    assertThat(valid().count() + invalid().count())
        .isEqualTo((long) ReferralState.values().length * ReferralTransition.values().length);
  }

  @Test
  void finalStatesAreTheEndsOfTheCourse() {
    assertThat(Stream.of(ReferralState.values()).filter(ReferralState::isFinal))
        .containsExactlyInAnyOrder(REJECTED, ENDED);
  }

  @Test
  void unknownStateIsRefused() {
    assertThatThrownBy(() -> ReferralLifecycle.next(null, ACCEPT))
        .isInstanceOf(InvalidTransitionException.class)
        .hasMessageContaining("NONE");
  }
}
