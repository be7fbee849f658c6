package dk.stafet.responsibility.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * OpenAPI: every patient endpoint takes the caller's bearer token (docs/security.md, "The caller").
 */
@OpenAPIDefinition(info = @Info(title = "Stafet responsibility-service", version = "0.1.0"))
@SecurityScheme(
    securitySchemeName = OpenApiDefinition.CALLER_ORGANISATION,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "An access token (RS256 JWT, audience stafet) naming the calling organisation (stafet_org), its "
            + "roles (groups) and the person (sub, name). Locally: POST /token at the development issuer (README).")
public class OpenApiDefinition extends Application {

  public static final String CALLER_ORGANISATION = "callerOrganisation";
}
