package dk.stafet.referral.course.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.stafet.contracts.cpr.CprNumber;
import dk.stafet.referral.course.Patient;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who a patient is, as people name them: the official name as the latest MedCom message or register
 * fact gave it, the birth date and the CPR number with its last four digits masked. Never the whole
 * CPR number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A patient's name, birth date and masked CPR number (never the whole number)")
public record PatientIdentity(
    String patientKey,
    @Schema(description = "Official family name; absent until a message or register fact gave one")
        String familyName,
    @Schema(description = "Official given names, separated by spaces") String givenNames,
    @Schema(description = "From the CPR number (its date and century digit)") LocalDate birthDate,
    @Schema(description = "The CPR number's date part and a masked sequence, e.g. 070358-****")
        String cprMasked,
    Instant deceasedAt) {

  static PatientIdentity of(Patient patient) {
    CprNumber cpr = CprNumber.parse(patient.cpr);
    return new PatientIdentity(
        patient.patientKey,
        patient.familyName,
        patient.givenNames,
        cpr.birthDate(),
        cpr.maskedSequence(),
        patient.deceasedAt);
  }
}
