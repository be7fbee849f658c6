package dk.stafet.referral.course.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of a simple transition: when it happened (default now). */
@Schema(description = "When it happened; default now")
public record OccurredAt(Instant occurredAt) {

  static Instant of(OccurredAt body) {
    return body == null ? null : body.occurredAt();
  }
}
