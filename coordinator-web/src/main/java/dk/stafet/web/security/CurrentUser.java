package dk.stafet.web.security;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The person logged in to the pages, for the page header ({@code inject:user} in base.html): name
 * and roles from the ID token of the OIDC login. The services learn who it is from the access token
 * the REST clients pass on, not from here.
 */
@RequestScoped
@Named("user")
public class CurrentUser {

  @Inject SecurityIdentity identity;

  @Inject @IdToken JsonWebToken idToken;

  public boolean isLoggedIn() {
    return !identity.isAnonymous();
  }

  /** The person's name (claim {@code name}), else the subject. */
  public String getName() {
    if (identity.isAnonymous()) {
      return "";
    }
    String name = idToken.getClaim("name");
    return name == null ? idToken.getSubject() : name;
  }

  public boolean isCoordinator() {
    return identity.hasRole("COORDINATOR");
  }

  public boolean isCitizen() {
    return identity.hasRole("PATIENT_PORTAL");
  }
}
