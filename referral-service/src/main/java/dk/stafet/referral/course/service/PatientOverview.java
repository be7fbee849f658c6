package dk.stafet.referral.course.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What the caller may see of one patient: the referrals, stays and courses it is entitled to. No
 * CPR number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientOverview(
    String patientKey,
    String listedGpSor,
    String municipalitySor,
    Instant deceasedAt,
    List<ReferralView> referrals,
    List<HospitalStayView> hospitalStays,
    List<CourseView> courses) {}
