package dk.stafet.referral.course.service;

import dk.stafet.referral.course.AcuteExit;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The end of a course. */
@Schema(description = "End of a course; an acute-function course needs its exit (Annex III)")
public record EndCourse(
    @Schema(description = "Acute function: where the patient went") AcuteExit exit,
    @Schema(description = "When the course ended; default now") Instant occurredAt) {}
