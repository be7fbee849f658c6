package dk.stafet.web.pages;

import dk.stafet.web.client.Fetched;
import io.quarkus.qute.TemplateData;

/**
 * The outcome of an action, shown above the section it changed.
 *
 * @param action accepted, rejected, resent, replayed (a message key suffix)
 * @param detail the service's code (an error code, or the replay disposition); escaped like all
 *     text
 * @param error whether the action failed
 */
@TemplateData
public record Flash(String action, String detail, boolean error) {

  static Flash of(String action, Fetched<?> result) {
    return result.ok()
        ? new Flash(action, null, false)
        : new Flash(action, result.code() != null ? result.code() : result.outcome(), true);
  }

  static Flash error(String code) {
    return new Flash("failed", code, true);
  }
}
