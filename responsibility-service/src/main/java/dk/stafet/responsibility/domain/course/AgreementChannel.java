package dk.stafet.responsibility.domain.course;

/**
 * R23 / 003 §3.4 SST rec. 3: how the GP agreed to take over unfinished hospital treatment. The
 * agreement may be oral, so the channel is recorded for audit.
 */
public enum AgreementChannel {
  ORAL,
  ELECTRONIC,
  WRITTEN
}
