package dk.stafet.service.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Reads the caller's organisation from {@value Caller#HEADER} into the request-scoped {@link Caller}. */
public class CallerFilter {

  private final Caller caller;

  public CallerFilter(Caller caller) {
    this.caller = caller;
  }

  @ServerRequestFilter
  public void identifyCaller(ContainerRequestContext request) {
    caller.identify(request.getHeaderString(Caller.HEADER));
  }
}
