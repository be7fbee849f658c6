package dk.stafet.referral.course.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The receiver's intake decision on a referral. */
@Schema(
    description = "Visitation: accept, reject (with reason) or forward (to another organisation)")
public record Visitation(
    @NotNull Decision decision,
    @Schema(description = "Required when rejected") @Size(max = 2000) String reason,
    @Schema(
            description =
                "SOR code of the organisation it is forwarded to; required when forwarded")
        String forwardedToSor,
    @Schema(description = "When the decision was made; default now") Instant occurredAt) {

  public enum Decision {
    ACCEPTED,
    REJECTED,
    FORWARDED
  }
}
