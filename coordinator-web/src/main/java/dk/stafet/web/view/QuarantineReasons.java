package dk.stafet.web.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.List;

/**
 * A quarantined input's reason for people: referral-service stores the findings as JSON (every
 * issue, warnings and notes included); the coordinator needs the errors, each with where it is.
 * {@code {q:errors(q.reason)}}.
 */
@TemplateExtension(namespace = "q")
public final class QuarantineReasons {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A line per error; the rest is one click away in referral-service's quarantine detail. */
  static final int MAX_SHOWN = 3;

  private QuarantineReasons() {}

  /**
   * The errors as "path: diagnostics" (at most {@value #MAX_SHOWN}); the reason itself if it is not
   * the JSON list.
   */
  static List<String> errors(String reason) {
    if (reason == null || reason.isBlank()) {
      return List.of();
    }
    List<String> errors = new ArrayList<>();
    try {
      JsonNode issues = JSON.readTree(reason);
      if (!issues.isArray()) {
        return List.of(reason);
      }
      for (JsonNode issue : issues) {
        boolean error =
            issue.path("error").asBoolean(false)
                || issue.path("severity").asText().matches("ERROR|FATAL");
        if (error && errors.size() < MAX_SHOWN) {
          String path = issue.path("path").asText("");
          errors.add((path.isEmpty() ? "" : path + ": ") + issue.path("diagnostics").asText(""));
        }
      }
    } catch (Exception notJson) {
      return List.of(reason);
    }
    return errors.isEmpty() ? List.of(reason) : errors;
  }
}
