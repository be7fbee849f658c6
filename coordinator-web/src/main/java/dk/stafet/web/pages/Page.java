package dk.stafet.web.pages;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import java.util.Locale;

/**
 * Starts a template instance in the page language; every template gets {@code lang} for links and
 * {@code <html lang>}.
 */
final class Page {

  private Page() {}

  static TemplateInstance of(Template template, Locale locale) {
    return template.instance().setLocale(locale).data("lang", locale.getLanguage());
  }
}
