package dk.stafet.referral.course.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem body; never carries patient data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Problem details (RFC 9457)")
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    @Schema(description = "For 409 invalid-transition: the refused transition") String transition,
    @Schema(description = "For 409 invalid-transition: the state it was refused from") String fromState,
    @Schema(description = "For 409 invalid-transition: referral, hospital-stay or course") String aggregate) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_PREFIX = "https://stafet.dk/problems/";

  static Problem of(String type, String title, int status, String detail) {
    return new Problem(TYPE_PREFIX + type, title, status, detail, null, null, null);
  }
}
