package dk.stafet.service.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dk.stafet.contracts.cpr.CprNumber;
import dk.stafet.service.security.NotAuthenticatedException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The one error body of all three services: RFC 9457 problem details ({@code
 * application/problem+json}) plus the extension member {@code code}, the stable UPPER_SNAKE code
 * clients branch on. {@code type} is derived from the code ({@code PATIENT_NOT_FOUND} → {@code
 * https://stafet.dk/problems/patient-not-found}), so the two always agree.
 *
 * <p>Never carries patient data: callers pass messages that name SOR codes, ids and rules only, and
 * as a last guard anything shaped like a CPR number in {@code detail} is masked. Members that are
 * {@code null} are left out; the invalid-transition members are there only for referral-service's
 * 409 {@code INVALID_TRANSITION}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "type",
  "title",
  "status",
  "detail",
  "code",
  "aggregate",
  "transition",
  "fromState"
})
@Schema(
    name = "Problem",
    description =
        "Problem details (RFC 9457, application/problem+json), the same in every "
            + "Stafet service: type, title, status, detail and the stable code. Never holds patient data.")
public record Problem(
    @Schema(
            description =
                "A stable URI naming the problem: https://stafet.dk/problems/<code in kebab case>",
            example = "https://stafet.dk/problems/handover-already-accepted",
            required = true)
        String type,
    @Schema(
            description = "A short, stable English summary of the problem type",
            example = "Handover already accepted",
            required = true)
        String title,
    @Schema(description = "The HTTP status code", example = "409", required = true) int status,
    @Schema(
            description =
                "This occurrence explained (SOR codes, ids and rules only; never patient data)")
        String detail,
    @Schema(
            description = "The stable UPPER_SNAKE code to branch on (extension member)",
            example = "HANDOVER_ALREADY_ACCEPTED",
            required = true)
        String code,
    @Schema(description = "Only for 409 INVALID_TRANSITION: referral, hospital-stay or course")
        String aggregate,
    @Schema(
            description = "Only for 409 INVALID_TRANSITION: the refused transition",
            example = "START")
        String transition,
    @Schema(
            description = "Only for 409 INVALID_TRANSITION: the state it was refused from",
            example = "RECEIVED")
        String fromState) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_PREFIX = "https://stafet.dk/problems/";

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  public Problem {
    Objects.requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("a problem code is UPPER_SNAKE: " + code);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a problem has an error status: " + status);
    }
    detail = CprNumber.maskAll(detail);
  }

  /** A problem whose type and title follow from its code. */
  public static Problem of(int status, String code, String detail) {
    return of(status, code, titleOf(code), detail);
  }

  /** A problem with its own title (kept stable per code, as RFC 9457 asks). */
  public static Problem of(int status, String code, String title, String detail) {
    return new Problem(typeOf(code), title, status, detail, code, null, null, null);
  }

  /** The same 401 in every service: the request names no (valid) calling organisation. */
  public static Problem notAuthenticated(NotAuthenticatedException e) {
    return of(401, "NOT_AUTHENTICATED", "No calling organisation", e.getMessage());
  }

  /** This problem with the invalid-transition members (referral-service's 409). */
  public Problem withTransition(String aggregate, String transition, String fromState) {
    return new Problem(type, title, status, detail, code, aggregate, transition, fromState);
  }

  /** The answer: this body, its status, {@value #MEDIA_TYPE}. */
  public RestResponse<Problem> response() {
    return RestResponse.ResponseBuilder.<Problem>create(status)
        .entity(this)
        .type(MEDIA_TYPE)
        .build();
  }

  /**
   * {@code HANDOVER_ALREADY_ACCEPTED} → {@code
   * https://stafet.dk/problems/handover-already-accepted}.
   */
  public static String typeOf(String code) {
    return TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** {@code HANDOVER_ALREADY_ACCEPTED} → {@code Handover already accepted}. */
  static String titleOf(String code) {
    String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
