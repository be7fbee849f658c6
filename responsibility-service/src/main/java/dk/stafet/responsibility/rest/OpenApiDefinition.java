package dk.stafet.responsibility.rest;

import dk.stafet.service.security.Caller;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** OpenAPI: the caller's organisation header, which the API gateway sets in production. */
@OpenAPIDefinition(info = @Info(title = "Stafet responsibility-service", version = "0.1.0"))
@SecurityScheme(securitySchemeName = OpenApiDefinition.CALLER_ORGANISATION, type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER, apiKeyName = Caller.HEADER,
    description = "SOR code of the calling organisation. Set by the API gateway from the client's certificate or token; "
        + "any value the client sends is stripped there.")
public class OpenApiDefinition extends Application {

  public static final String CALLER_ORGANISATION = "callerOrganisation";
}
