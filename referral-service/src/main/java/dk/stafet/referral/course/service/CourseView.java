package dk.stafet.referral.course.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.stafet.referral.course.AcuteExit;
import dk.stafet.referral.course.AcuteForm;
import dk.stafet.referral.course.Course;
import dk.stafet.referral.course.CourseKind;
import dk.stafet.referral.course.CourseTransition;
import dk.stafet.referral.course.ReferrerKind;
import dk.stafet.referral.course.lifecycle.CourseState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An acute-function, outpatient, IV or specialist course (or a declined acute referral) as the API
 * shows it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CourseView(
    UUID id,
    String patientKey,
    CourseKind kind,
    String ownerSor,
    CourseState state,
    ReferrerKind referrerKind,
    String referrerSor,
    AcuteForm form,
    AcuteExit exit,
    String administeredBySor,
    String reason,
    Instant startedAt,
    Instant endedAt,
    Instant declinedAt,
    List<TransitionView> history) {

  static CourseView of(Course c, boolean withHistory) {
    return new CourseView(
        c.id,
        c.patientKey,
        c.kind,
        c.ownerSor,
        c.state,
        c.referrerKind,
        c.referrerSor,
        c.form,
        c.exit,
        c.administeredBySor,
        c.reason,
        c.startedAt,
        c.endedAt,
        c.declinedAt,
        withHistory ? TransitionView.history(CourseTransition.Aggregate.COURSE, c.id) : null);
  }
}
