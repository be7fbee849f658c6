package dk.stafet.contracts.medcom;

/**
 * System URIs, profile URLs and codes of MedCom's FHIR messaging, kept in one place so that the
 * codec, the views and the builders cannot drift apart (medcom-spec.md §1–§4).
 */
public final class MedcomSystems {

  public static final String SOR = "urn:oid:1.2.208.176.1.1";
  public static final String GLN = "https://www.gs1.org/gln";
  public static final String CPR = "urn:oid:1.2.208.176.1.2";

  public static final String EVENT_CODES =
      "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes";
  public static final String ACTIVITY_CODES =
      "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes";
  public static final String DESTINATION_USE =
      "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-destinationUse";
  public static final String DESTINATION_USE_EXTENSION =
      "http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-destinationUseExtension";
  public static final String LEAVE_PERIOD_EXTENSION =
      "http://medcomfhir.dk/ig/hospitalnotification/StructureDefinition/medcom-hospitalnotifiation-leave-period-extension";
  public static final String RESPONSE_CODE = "http://hl7.org/fhir/response-code";

  public static final String ACK_ERROR_CODES =
      "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-acknowledgement-error-codes";
  public static final String FHIR_OPERATION_OUTCOME_CODES =
      "http://terminology.hl7.org/CodeSystem/operation-outcome";

  /** Retired with terminology 1.1.1, still used by MedCom's 2023 acknowledgement test files. */
  public static final String RETIRED_ACK_ISSUE_DETAILS =
      "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-acknowledgement-issue-details";

  public static final String EVENT_HOSPITAL_NOTIFICATION = "hospital-notification-message";
  public static final String EVENT_CARE_COMMUNICATION = "care-communication-message";
  public static final String EVENT_ACKNOWLEDGEMENT = "acknowledgement-message";
  public static final String ACTIVITY_ACKNOWLEDGEMENT = "acknowledgement";

  public static final String PROFILE_ACK_MESSAGE =
      "http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgement";
  public static final String PROFILE_ACK_HEADER =
      "http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgementHeader";
  public static final String PROFILE_ACK_OPERATION_OUTCOME =
      "http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-acknowledgement-operationoutcome";
  public static final String PROFILE_MESSAGING_ORGANIZATION =
      "http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-organization";
  public static final String PROFILE_MESSAGING_PROVENANCE =
      "http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-provenance";

  /**
   * The same URL in both profile sets (core 2.0.0 for HospitalNotification, core 3.0.1 for
   * CareCommunication).
   */
  public static final String PROFILE_CORE_PATIENT =
      "http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patient";

  /** Where SOR-addressed mailboxes live; MedCom uses it for every endpoint. */
  public static final String SOR_ENDPOINT_PREFIX = "https://sor2.sum.dsdn.dk/#id=";

  private MedcomSystems() {}
}
