package dk.stafet.responsibility.kpi;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The responsibility KPIs (brief §8), per course type. */
@Schema(
    description =
        "Responsibility KPIs per course type (cancer first: national target 90 % with a named PRD)")
public record Kpis(Instant computedAt, List<CourseTypeKpis> courseTypes) {

  @Schema(description = "KPIs of one course type")
  public record CourseTypeKpis(
      @Schema(description = "CANCER, HEART or OTHER") String courseType,
      @Schema(description = "alive patients whose current ledger entry has a PRD")
          long activePatients,
      @Schema(description = "of those, with a named doctor (R27)") long withNamedDoctor,
      @Schema(description = "withNamedDoctor / activePatients; null without active patients")
          Double namedPrdShare,
      @Schema(description = "national target for the share (0.90 for cancer)") Double target,
      @Schema(description = "patients with both a referral and a named doctor")
          long referralToNamedCount,
      @Schema(description = "median seconds from first referral received to first named doctor")
          Double referralToNamedMedianSeconds,
      @Schema(description = "mean seconds from first referral received to first named doctor")
          Double referralToNamedMeanSeconds,
      @Schema(description = "number of gap intervals (R26) in the corrected history; target 0")
          long gaps,
      @Schema(
              description =
                  "total length of those gaps in seconds (open gaps count until now); target 0")
          double gapSeconds) {}
}
