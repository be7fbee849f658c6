package dk.stafet.service.fhir;

import ca.uhn.fhir.context.FhirContext;
import dk.stafet.service.security.NotAuthenticatedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.management.ManagementFactory;
import java.util.Date;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the services' FHIR bases share (docs/fhir-api.md): the answer format, OperationOutcome
 * errors, and the parts of a CapabilityStatement that are the same at every base — FHIR R4 in JSON,
 * a server secured by OAuth bearer tokens (not SMART on FHIR). Each base adds the resources,
 * interactions and search parameters it really serves.
 */
public final class FhirServer {

  public static final String FHIR_JSON = "application/fhir+json";
  public static final String FHIR_XML = "application/fhir+xml";

  /** One shared R4 context: thread-safe and expensive to create (HAPI javadoc). */
  public static final FhirContext R4 = FhirContext.forR4Cached();

  /** The documentation of the search parameter {@code patient} ({@link #patientKey}). */
  public static final String PATIENT_PARAMETER =
      "The patient's pseudonym (patient key), as an id or as Patient/<key>; never a CPR number."
          + " Required. Only what the caller may see; an empty searchset otherwise.";

  static final String SECURITY =
      "Every read needs `Authorization: Bearer <JWT>` from the identity provider Stafet trusts"
          + " (RS256, issuer, audience `stafet` and expiry checked); the token names the calling"
          + " organisation (claim `stafet_org`, a SOR code), its roles (`groups`) and the person"
          + " (`sub`, `name`), who is named in the audit trail of every read. Not SMART on FHIR: no"
          + " SMART scopes, launch context or .well-known/smart-configuration; what a caller sees"
          + " follows from its organisation's involvement with the patient (docs/security.md), and"
          + " a patient the caller may not see is answered like one that does not exist (404, or"
          + " an empty searchset). Only this CapabilityStatement is public.";

  private FhirServer() {}

  /**
   * The common part of a base's CapabilityStatement (kind instance: it describes this running
   * instance, dated when its JVM started, with the application's version); add resources with
   * {@link #resource}.
   *
   * @param name the service (machine-friendly, e.g. referral-service)
   * @param description what the base offers, for people
   * @param baseUrl the FHIR base URL as the caller reached it ({@link #baseUrl})
   */
  public static CapabilityStatement capabilityStatement(
      String name, String description, String baseUrl) {
    String version =
        ConfigProvider.getConfig()
            .getOptionalValue("quarkus.application.version", String.class)
            .orElse("unknown");
    Date started = new Date(ManagementFactory.getRuntimeMXBean().getStartTime());
    CapabilityStatement statement = new CapabilityStatement();
    statement.setUrl(baseUrl + "/metadata");
    statement.setName(name.replace("-", "_"));
    statement.setTitle("Stafet " + name);
    statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
    statement.setExperimental(false);
    statement.setDate(started);
    statement.setPublisher("Stafet");
    statement.setDescription(description);
    statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
    statement.getSoftware().setName("Stafet " + name).setVersion(version);
    statement.getImplementation().setDescription(description).setUrl(baseUrl);
    statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
    statement.addFormat(FHIR_JSON);
    CapabilityStatementRestComponent rest = statement.addRest();
    rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    rest.getSecurity()
        .setCors(false)
        .setDescription(SECURITY)
        .addService(
            new CodeableConcept(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/restful-security-service",
                    "OAuth",
                    "OAuth")));
    return statement;
  }

  /**
   * A resource type the base serves, with the interactions it supports (read, search-type, ...).
   */
  public static CapabilityStatementRestResourceComponent resource(
      CapabilityStatement statement,
      String type,
      String documentation,
      TypeRestfulInteraction... interactions) {
    CapabilityStatementRestResourceComponent resource = statement.getRestFirstRep().addResource();
    resource.setType(type).setDocumentation(documentation);
    resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.NOVERSION);
    resource.setReadHistory(false).setUpdateCreate(false);
    for (TypeRestfulInteraction interaction : interactions) {
      resource.addInteraction().setCode(interaction);
    }
    return resource;
  }

  /** The FHIR base ({@code /fhir}) as the caller reached the service. */
  public static String baseUrl(UriInfo uri) {
    return uri.getBaseUri().resolve("fhir").toString();
  }

  /**
   * A searchset Bundle of these matches (each with its id under {@code base}), linked to the search
   * itself; no match is an empty searchset, which says nothing about whether the patient exists.
   */
  public static String searchset(String selfUrl, String base, List<? extends Resource> matches) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    bundle.addLink().setRelation("self").setUrl(selfUrl);
    for (Resource match : matches) {
      bundle
          .addEntry()
          .setFullUrl(base + "/" + match.fhirType() + "/" + match.getIdElement().getIdPart())
          .setResource(match)
          .getSearch()
          .setMode(Bundle.SearchEntryMode.MATCH);
    }
    bundle.setTotal(bundle.getEntry().size());
    return json(bundle);
  }

  /**
   * The search parameter {@code patient}: the patient's pseudonym (patient key), as an id or as a
   * reference {@code Patient/<key>}; never a CPR number, which must not appear in a URL.
   *
   * @throws WebApplicationException 400 (an OperationOutcome) when it is missing
   */
  public static String patientKey(String patient) {
    if (patient == null || patient.isBlank()) {
      throw new WebApplicationException(
          error(
              400,
              OperationOutcome.IssueType.REQUIRED,
              "the search parameter patient (the patient's pseudonym, patient key) is required"));
    }
    return patient.startsWith("Patient/") ? patient.substring("Patient/".length()) : patient;
  }

  /**
   * The search parameter {@code patient} as a CapabilityStatement lists it ({@link #patientKey}).
   */
  public static CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent
      patientSearchParameter() {
    return new CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent()
        .setName("patient")
        .setType(Enumerations.SearchParamType.REFERENCE)
        .setDefinition("http://hl7.org/fhir/SearchParameter/clinical-patient")
        .setDocumentation(PATIENT_PARAMETER);
  }

  /** A resource as the answer body, in JSON. */
  public static String json(IBaseResource resource) {
    return R4.newJsonParser().setPrettyPrint(false).encodeResourceToString(resource);
  }

  /**
   * An OperationOutcome error (FHIR's own error body, for FHIR clients at a FHIR base; the JSON API
   * answers the services' Problem). The text never carries patient data.
   */
  public static Response error(int status, OperationOutcome.IssueType type, String diagnostics) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(type)
        .setDiagnostics(diagnostics);
    return Response.status(status).type(FHIR_JSON).entity(json(outcome)).build();
  }

  /** 404 for a resource that does not exist or that the caller may not see (not told apart). */
  public static Response notFound(String resourceType) {
    return error(404, OperationOutcome.IssueType.NOTFOUND, "no such " + resourceType);
  }

  /** 401: no valid bearer token (the same answer for every FHIR read). */
  public static Response notAuthenticated(NotAuthenticatedException e) {
    Response answer = error(401, OperationOutcome.IssueType.LOGIN, e.getMessage());
    return Response.fromResponse(answer).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }
}
