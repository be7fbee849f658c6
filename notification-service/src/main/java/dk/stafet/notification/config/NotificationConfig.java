package dk.stafet.notification.config;

import dk.stafet.service.medcom.MedcomProfiles;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** What notification-service says in the messages it builds, and on whose behalf. */
@ConfigMapping(prefix = "stafet.notification")
public interface NotificationConfig {

  /** Stafet itself, the sender when no organisation acted (e.g. a handover that timed out). */
  Hub hub();

  /** MedCom's profiles, against which every message is validated before it is sent. */
  MedcomProfiles medcom();

  /**
   * Municipality code used when neither the event, the listed-GP registration nor the GP names one.
   */
  Optional<String> defaultMunicipalityCode();

  /** Absolute base of the entry fullUrls of built messages. */
  @WithDefault("https://stafet.dk/fhir/")
  String fullUrlBase();

  /**
   * The family name sent when no MedCom message or national-register fact has named the patient yet
   * (MedCom requires one); the receiver then identifies the patient by the CPR number. Otherwise
   * the official name the course events carry is sent (docs/notifications.md).
   */
  @WithDefault("Ukendt")
  String patientFamilyName();

  /**
   * The author of the CareCommunications Stafet writes itself (the payload's practitioner and
   * contact).
   */
  Author author();

  interface Hub {
    @WithDefault("999999000016001")
    String sor();

    @WithDefault("5790000000005")
    String gln();

    @WithDefault("Stafet")
    String name();
  }

  interface Author {
    Optional<String> givenName();

    @WithDefault("Stafet automatisk besked")
    String familyName();

    /** A code of MedCom's SKS administrative practitioner roles. */
    @WithDefault("laegesekretaer")
    Optional<String> role();

    @WithDefault("70000000")
    String phone();
  }
}
