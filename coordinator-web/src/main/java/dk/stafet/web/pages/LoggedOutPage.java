package dk.stafet.web.pages;

import dk.stafet.web.i18n.Lang;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Where the identity provider sends the browser after logout ({@code
 * quarkus.oidc.logout.post-logout-path}); open to everyone, with a link to log in again.
 */
@Path("/logged-out")
@Produces(MediaType.TEXT_HTML)
public class LoggedOutPage {

  private final Template loggedOut;

  public LoggedOutPage(@Location("logged-out.html") Template loggedOut) {
    this.loggedOut = loggedOut;
  }

  @GET
  public TemplateInstance get(@RestQuery String lang, @RestCookie(Lang.COOKIE) String cookie) {
    return Page.of(loggedOut, Lang.resolve(lang, cookie));
  }
}
