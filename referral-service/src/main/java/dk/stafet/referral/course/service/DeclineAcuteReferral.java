package dk.stafet.referral.course.service;

import dk.stafet.referral.course.ReferrerKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An acute-function referral the acute function declined (it decides intake; nothing else changes,
 * R16).
 */
@Schema(description = "A declined acute-function referral")
public record DeclineAcuteReferral(
    @Schema(description = "The patient's CPR number; only ever in a body") @NotBlank String cpr,
    @Schema(description = "SOR code of the acute function; must be the caller") @NotBlank
        String acuteFunctionSor,
    @NotNull ReferrerKind referrerKind,
    @NotBlank String referrerSor,
    @Size(max = 2000) String reason,
    @Schema(description = "When it was declined; default now") Instant occurredAt) {

  @Override
  public String toString() {
    return "DeclineAcuteReferral[" + acuteFunctionSor + "]";
  }
}
