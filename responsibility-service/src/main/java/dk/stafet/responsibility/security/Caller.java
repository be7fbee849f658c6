package dk.stafet.responsibility.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The organisation (SOR code) on whose behalf the current request is made, from the {@value #HEADER} header. In
 * production the API gateway sets that header from the client certificate or OIDC token and strips any value the
 * client sent; the service trusts it only behind the gateway.
 */
@RequestScoped
public class Caller {

  public static final String HEADER = "X-Stafet-Organisation";
  /** SOR codes are opaque digit strings; anything else counts as no caller. */
  private static final Pattern SOR = Pattern.compile("\\d{1,20}");

  private String organisationSor;

  void identify(String headerValue) {
    if (headerValue != null && SOR.matcher(headerValue.trim()).matches()) {
      organisationSor = headerValue.trim();
    }
  }

  public Optional<String> organisation() {
    return Optional.ofNullable(organisationSor);
  }

  /** @throws NotAuthenticatedException when the request names no (valid) organisation */
  public String requireOrganisation() {
    if (organisationSor == null) {
      throw new NotAuthenticatedException();
    }
    return organisationSor;
  }
}
