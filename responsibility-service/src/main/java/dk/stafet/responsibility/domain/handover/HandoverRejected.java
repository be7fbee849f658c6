package dk.stafet.responsibility.domain.handover;

import dk.stafet.responsibility.domain.Organisation;
import java.time.Instant;

/** R24/C6: notice to the proposer that the receiver rejected; nothing changed. */
public record HandoverRejected(
    String handoverId, Organisation proposer, Organisation receiver, Instant rejectedAt) {}
