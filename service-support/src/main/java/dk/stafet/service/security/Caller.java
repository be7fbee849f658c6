package dk.stafet.service.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The organisation (a SOR code) on whose behalf the current HTTP request is made. {@link CallerFilter} fills it from
 * the {@value #HEADER} header. In production the API gateway sets that header from the client certificate or OIDC
 * token and strips any value the client sent; the services trust it only behind the gateway (docs/security.md).
 */
@RequestScoped
public class Caller {

  public static final String HEADER = "X-Stafet-Organisation";
  /** SOR codes are opaque digit strings (15–16 digits in practice); anything else is treated as no caller. */
  private static final Pattern SOR = Pattern.compile("\\d{1,20}");

  private String organisationSor;

  void identify(String headerValue) {
    organisationSor = parse(headerValue).orElse(null);
  }

  static Optional<String> parse(String headerValue) {
    if (headerValue == null || !SOR.matcher(headerValue.trim()).matches()) {
      return Optional.empty();
    }
    return Optional.of(headerValue.trim());
  }

  public Optional<String> organisation() {
    return Optional.ofNullable(organisationSor);
  }

  /** The caller's SOR code. @throws NotAuthenticatedException when the request carries no (valid) organisation */
  public String requireOrganisation() {
    if (organisationSor == null) {
      throw new NotAuthenticatedException();
    }
    return organisationSor;
  }
}
