package dk.stafet.web.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * The answer of one call to a service, or why there is none. A page shows each section on its own,
 * so one service being down or one endpoint missing never breaks the whole page.
 *
 * @param value the answer when {@code outcome} is OK
 * @param outcome OK, NOT_FOUND (404: unknown, or the caller is not involved), MISSING (the endpoint
 *     does not exist in the service yet), REFUSED (401/403), CONFLICT (409/422, see {@code code}),
 *     UNAVAILABLE (no answer)
 * @param code a service's stable error code (e.g. HANDOVER_ALREADY_ACCEPTED), when it gave one
 */
@TemplateData
public record Fetched<T>(T value, String outcome, String code) {

  public static <T> Fetched<T> of(Supplier<T> call) {
    return of(call, false);
  }

  /** For an endpoint proposed to a service but maybe not there yet: 404 and 405 mean "missing". */
  public static <T> Fetched<T> ofProposed(Supplier<T> call) {
    return of(call, true);
  }

  private static <T> Fetched<T> of(Supplier<T> call, boolean proposed) {
    try {
      return new Fetched<>(call.get(), "OK", null);
    } catch (WebApplicationException e) {
      Response response = e.getResponse();
      int status = response == null ? 500 : response.getStatus();
      String code = problemCode(response);
      if (proposed && (status == 404 || status == 405) && code == null) {
        return new Fetched<>(null, "MISSING", null);
      }
      String outcome =
          switch (status) {
            case 404 -> "NOT_FOUND";
            case 401, 403 -> "REFUSED";
            case 400, 409, 422 -> "CONFLICT";
            default -> "UNAVAILABLE";
          };
      return new Fetched<>(null, outcome, code);
    } catch (ProcessingException e) {
      Log.warnf("A service did not answer: %s", e.getClass().getSimpleName());
      return new Fetched<>(null, "UNAVAILABLE", null);
    }
  }

  /**
   * The stable code of a problem body: {@code code}, which all three services send (their one
   * problem format, docs/errors.md); else {@code title} (e.g. Quarkus's own validation report).
   */
  private static String problemCode(Response response) {
    if (response == null || !response.hasEntity()) {
      return null;
    }
    try {
      JsonNode body = response.readEntity(JsonNode.class);
      for (String field : new String[] {"code", "title"}) {
        if (body != null && body.hasNonNull(field)) {
          String text = body.get(field).asText();
          return text.length() > 120 ? text.substring(0, 120) : text;
        }
      }
    } catch (RuntimeException notJson) {
      // no body, or not JSON: the status says enough
    }
    return null;
  }

  public boolean ok() {
    return "OK".equals(outcome);
  }

  public boolean failed() {
    return !ok();
  }
}
