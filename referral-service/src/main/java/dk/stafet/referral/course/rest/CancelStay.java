package dk.stafet.referral.course.rest;

import dk.stafet.referral.course.lifecycle.AdmissionTransition;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What was registered in error: the admission (default), the leave start, the leave end or the
 * discharge.
 */
@Schema(
    description =
        "Cancellation of a registration made in error (MedCom AN_STIN/AN_STAA, AN_STOR, AN_SLOR, AN_SLHJ)")
public record CancelStay(
    @Schema(description = "What is cancelled; default ADMISSION") Target target,
    @Schema(description = "When the cancellation was made; default now") Instant occurredAt) {

  public enum Target {
    ADMISSION(AdmissionTransition.CANCEL_ADMISSION),
    LEAVE_START(AdmissionTransition.CANCEL_LEAVE_START),
    LEAVE_END(AdmissionTransition.CANCEL_LEAVE_END),
    DISCHARGE(AdmissionTransition.CANCEL_DISCHARGE);

    final AdmissionTransition transition;

    Target(AdmissionTransition transition) {
      this.transition = transition;
    }
  }

  AdmissionTransition transition() {
    return target == null ? AdmissionTransition.CANCEL_ADMISSION : target.transition;
  }
}
