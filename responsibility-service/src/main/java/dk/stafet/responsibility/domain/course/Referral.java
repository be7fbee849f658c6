package dk.stafet.responsibility.domain.course;

import dk.stafet.responsibility.domain.Organisation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A referral that is still relevant: pending (R17: received, accepted, forwarded) or started (R18).
 * Rejected and ended referrals are no longer active courses.
 */
public record Referral(
    String referralId,
    Organisation referrer,
    Organisation receiver,
    ReferralState state,
    Instant receivedAt,
    Optional<Instant> startedAt,
    Optional<Organisation> handedOverTo) {
  public Referral {
    Objects.requireNonNull(referralId, "referralId");
    Objects.requireNonNull(referrer, "referrer");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(handedOverTo, "handedOverTo");
    if ((state == ReferralState.STARTED) != startedAt.isPresent()) {
      throw new IllegalArgumentException("startedAt is set exactly when the referral is started");
    }
  }

  public CourseRef ref() {
    return new CourseRef(CourseKind.REFERRAL, referralId);
  }
}
