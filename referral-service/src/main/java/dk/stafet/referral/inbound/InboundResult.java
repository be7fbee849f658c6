package dk.stafet.referral.inbound;

import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The front door's answer: a MedCom acknowledgement where the message could be identified,
 * otherwise an OperationOutcome naming the problem.
 */
public record InboundResult(
    Disposition disposition, Bundle acknowledgement, OperationOutcome outcome, UUID quarantineId) {

  /** What happened to the input; each maps to one HTTP status (docs/front-door.md). */
  public enum Disposition {
    ACCEPTED(200),
    DUPLICATE(200),
    ACKNOWLEDGEMENT_RECORDED(200),
    REJECTED(422),
    TRANSIENT_ERROR(503),
    UNREADABLE(400),
    UNSUPPORTED_MEDIA_TYPE(415),
    TOO_LARGE(413);

    private final int httpStatus;

    Disposition(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  public String ackCode() {
    return acknowledgement == null
        ? null
        : acknowledgement.getEntryFirstRep().getResource()
                instanceof org.hl7.fhir.r4.model.MessageHeader header
            ? header.getResponse().getCode().toCode()
            : null;
  }
}
