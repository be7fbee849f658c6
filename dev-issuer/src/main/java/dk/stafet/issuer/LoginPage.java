package dk.stafet.issuer;

import dk.stafet.contracts.identity.StafetRole;
import java.util.List;
import java.util.Map;

/**
 * The development issuer's login page: one button per demo person who uses the pages (no password:
 * the development issuer authenticates nobody), and for "mit forløb" a CPR field standing in for
 * MitID. Plain HTML, every value escaped; the authorization request travels in hidden fields.
 */
final class LoginPage {

  /** The parameters of the authorization request the login answers. */
  private static final List<String> REQUEST =
      List.of(
          "response_type",
          "client_id",
          "redirect_uri",
          "scope",
          "state",
          "nonce",
          "code_challenge",
          "code_challenge_method");

  private LoginPage() {}

  static String render(Map<String, String> request, String problem) {
    StringBuilder hidden = new StringBuilder();
    for (String name : REQUEST) {
      String value = request.get(name);
      if (value != null) {
        hidden
            .append("<input type=\"hidden\" name=\"")
            .append(name)
            .append("\" value=\"")
            .append(escape(value))
            .append("\">");
      }
    }
    StringBuilder staff = new StringBuilder();
    StringBuilder citizen = new StringBuilder();
    for (DemoIdentity who : DemoIdentity.pageUsers()) {
      String button =
          "<button type=\"submit\" name=\"username\" value=\""
              + escape(who.username())
              + "\" id=\"login-"
              + escape(who.username())
              + "\">"
              + escape(who.name())
              + "</button> <small>"
              + escape(who.username())
              + " · "
              + escape(String.join(", ", who.roles().stream().map(Enum::name).sorted().toList()))
              + "</small>";
      if (who.has(StafetRole.PATIENT_PORTAL)) {
        citizen
            .append("<form method=\"post\" action=\"/authorize\">")
            .append(hidden)
            .append(
                "<p><label for=\"cpr\">CPR-nummer (i stedet for MitID)</label> "
                    + "<input id=\"cpr\" name=\"cpr\" type=\"password\" autocomplete=\"off\""
                    + " inputmode=\"numeric\"></p><p>")
            .append(button)
            .append("</p></form>");
      } else {
        staff.append("<li>").append(button).append("</li>");
      }
    }
    return page(
        "Log ind",
        (problem == null ? "" : "<p role=\"alert\"><strong>" + escape(problem) + "</strong></p>")
            + "<p>Stafets udviklings-login: vælg hvem du er. Der er ingen adgangskode; brug det"
            + " aldrig med rigtige data.</p>"
            + "<form method=\"post\" action=\"/authorize\">"
            + hidden
            + "<ul>"
            + staff
            + "</ul></form><h2>Mit forløb (borger)</h2>"
            + citizen);
  }

  static String error(String problem) {
    return page("Ugyldig login-anmodning", "<p>" + escape(problem) + "</p>");
  }

  static String loggedOut() {
    return page("Logget ud", "<p>Du er logget ud.</p>");
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + " · Stafet (udvikling)</title></head><body><h1>"
        + escape(title)
        + "</h1>"
        + body
        + "</body></html>";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
