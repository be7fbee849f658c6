package dk.stafet.responsibility.domain.careplan;

import java.time.Instant;

/**
 * The closing talk [afsluttende samtale] with the citizen before the plan is completed (brief C10).
 *
 * @param heldBySor the organisation that held it
 */
public record ClosingTalk(Instant at, String heldBySor) {}
