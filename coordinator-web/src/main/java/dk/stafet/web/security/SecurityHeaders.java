package dk.stafet.web.security;

import dk.stafet.web.i18n.Lang;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Browser-side protection of the pages: no caching of pages with patient data, and state-changing
 * POSTs only from this origin (a cross-site form cannot accept a handover). Also remembers {@code
 * ?lang=} in a cookie. The Content-Security-Policy and the other fixed headers are set for every
 * route in application.properties.
 */
public class SecurityHeaders {

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> sameOriginPosts(ContainerRequestContext request) {
    if (!"POST".equals(request.getMethod())) {
      return Optional.empty();
    }
    String fetchSite = request.getHeaderString("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      return Optional.of(Response.status(Response.Status.FORBIDDEN).build());
    }
    String origin = request.getHeaderString("Origin");
    if (origin != null && !"null".equals(origin)) {
      String host = request.getHeaderString(HttpHeaders.HOST);
      String originHost;
      try {
        originHost = URI.create(origin).getAuthority();
      } catch (IllegalArgumentException e) {
        originHost = null;
      }
      if (host == null || !host.equalsIgnoreCase(originHost)) {
        return Optional.of(Response.status(Response.Status.FORBIDDEN).build());
      }
    }
    return Optional.empty();
  }

  @ServerResponseFilter
  public void headers(ContainerRequestContext request, ContainerResponseContext response) {
    var headers = response.getHeaders();
    headers.putSingle("Cache-Control", "no-store");
    String lang = request.getUriInfo().getQueryParameters().getFirst("lang");
    Cookie current = request.getCookies().get(Lang.COOKIE);
    if (Lang.known(lang) && (current == null || !lang.equals(current.getValue()))) {
      headers.add(
          HttpHeaders.SET_COOKIE,
          new NewCookie.Builder(Lang.COOKIE)
              .value(lang)
              .path("/")
              .maxAge(365 * 24 * 3600)
              .httpOnly(true)
              .sameSite(NewCookie.SameSite.STRICT)
              .build());
    }
  }
}
