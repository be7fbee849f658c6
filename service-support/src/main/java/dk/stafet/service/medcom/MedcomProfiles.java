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

  /**
   * The compiled fast path (docs/performance.md, "compiled fast path"): a message it accepts skips
   * HAPI's validation on the hot path. On by default: FastPathDifferentialTest proves in every
   * build that it accepts no message HAPI rejects.
   */
  @WithName("fast-path.enabled")
  @WithDefault("true")
  boolean fastPathEnabled();

  /**
   * Share (0–1) of fast-path accepts that HAPI re-validates off the hot path; a disagreement counts
   * in {@code stafet_medcom_fast_path_disagreements_total} and logs the element paths.
   */
  @WithName("fast-path.sample-share")
  @WithDefault("0.01")
  double fastPathSampleShare();
}
