package dk.stafet.web.i18n;

import java.util.Locale;

/**
 * The page language: Danish by default, English with {@code ?lang=en} or the {@value #COOKIE}
 * cookie.
 */
public final class Lang {

  public static final String COOKIE = "stafet-lang";
  public static final Locale DANISH = Locale.forLanguageTag("da");

  private Lang() {}

  /** The query parameter wins over the cookie; anything unknown means Danish. */
  public static Locale resolve(String queryLang, String cookieLang) {
    String tag = known(queryLang) ? queryLang : known(cookieLang) ? cookieLang : "da";
    return Locale.forLanguageTag(tag);
  }

  public static boolean known(String tag) {
    return "da".equals(tag) || "en".equals(tag);
  }
}
