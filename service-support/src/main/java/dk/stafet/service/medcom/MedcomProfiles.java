package dk.stafet.service.medcom;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/**
 * Where a service finds MedCom's profiles, as a group of its own configuration mapping: the front
 * door validates what comes in against them, notification-service what goes out.
 */
public interface MedcomProfiles {

  /**
   * MedCom's profiles for offline validation; when absent only the structure and FHIR layers run.
   */
  @WithName("profiles-dir")
  Optional<String> profilesDir();

  /**
   * True in production: without the profiles the service refuses to start (and so never goes ready)
   * instead of quietly weakening validation to base FHIR.
   */
  @WithName("profiles-required")
  @WithDefault("false")
  boolean profilesRequired();
}
