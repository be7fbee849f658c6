package dk.stafet.referral.course.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.stafet.referral.course.CourseTransition;
import dk.stafet.referral.course.EncounterClass;
import dk.stafet.referral.course.HospitalStay;
import dk.stafet.referral.course.lifecycle.AdmissionState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hospital stay as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HospitalStayView(
    UUID id,
    String patientKey,
    String episodeOfCareId,
    String serviceProviderSor,
    EncounterClass encounterClass,
    AdmissionState state,
    Instant admittedAt,
    Instant leaveStartedAt,
    Instant leaveEndedAt,
    Instant dischargedAt,
    Instant deceasedAt,
    Instant cancelledAt,
    List<TransitionView> history) {

  static HospitalStayView of(HospitalStay s, boolean withHistory) {
    return new HospitalStayView(
        s.id,
        s.patientKey,
        s.episodeOfCareId,
        s.serviceProviderSor,
        s.encounterClass,
        s.state,
        s.admittedAt,
        s.leaveStartedAt,
        s.leaveEndedAt,
        s.dischargedAt,
        s.deceasedAt,
        s.cancelledAt,
        withHistory
            ? TransitionView.history(CourseTransition.Aggregate.HOSPITAL_STAY, s.id)
            : null);
  }
}
