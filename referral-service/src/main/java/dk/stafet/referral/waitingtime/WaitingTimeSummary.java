package dk.stafet.referral.waitingtime;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts for the KPI panel: no patient data, so no audit row. */
@Schema(
    description =
        "Open referrals with a maximum waiting time by status, and the alerts raised so far")
public record WaitingTimeSummary(
    Instant computedAt,
    @Schema(description = "Open referrals with a waiting-time rule") long open,
    long pending,
    long onTrack,
    long warning,
    long exceeded,
    @Schema(
            description =
                "Referrals that ever exceeded their maximum waiting time (EXCEEDED alerts raised)")
        long exceededAlerts,
    @Schema(description = "WARNING alerts raised") long warningAlerts) {}
