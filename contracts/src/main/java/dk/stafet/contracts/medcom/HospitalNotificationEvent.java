package dk.stafet.contracts.medcom;

import dk.stafet.contracts.medcom.MedcomViews.EncounterView;
import dk.stafet.contracts.medcom.MedcomViews.ProvenanceView;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HospitalNotification event codes of medcom-spec.md §2, derived from the latest Provenance
 * activity, the Encounter status and Patient.deceased.
 */
public enum HospitalNotificationEvent {
  STAA,
  STIN,
  STOR,
  SLOR,
  SLHJ,
  MORS,
  RE_STAA,
  RE_STIN,
  RE_STOR,
  RE_SLOR,
  RE_SLHJ,
  RE_MORS,
  AN_STAA,
  AN_STIN,
  AN_STOR,
  AN_SLOR,
  AN_SLHJ,
  AN_MORS;

  private static final String REVISE = "revise-";
  private static final String CANCEL = "cancel-";

  private static final Map<String, HospitalNotificationEvent> BASE_ACTIVITIES =
      Map.of(
          "admit-emergency", STAA,
          "admit-inpatient", STIN,
          "start-leave-inpatient", STOR,
          "end-leave-inpatient", SLOR,
          "discharge-emergency-home", SLHJ,
          "discharge-inpatient-home", SLHJ);

  /**
   * @param provenances the chain in order, the current one last
   * @param deceased Patient.deceasedBoolean (null when absent)
   */
  public static Optional<HospitalNotificationEvent> derive(
      List<ProvenanceView> provenances, EncounterView encounter, Boolean deceased) {
    if (provenances.isEmpty() || provenances.get(provenances.size() - 1).activityCode() == null) {
      return Optional.empty();
    }
    ProvenanceView current = provenances.get(provenances.size() - 1);
    String activity = current.activityCode();
    boolean dead = Boolean.TRUE.equals(deceased);
    if (activity.startsWith(REVISE)) {
      return base(activity.substring(REVISE.length()))
          .map(event -> dead ? RE_MORS : valueOf("RE_" + event));
    }
    if (activity.startsWith(CANCEL)) {
      return base(activity.substring(CANCEL.length())).map(event -> valueOf("AN_" + event));
    }
    if (dead) {
      // A death notification keeps the current activity and sets deceased (MORS_J: death on
      // arrival).
      return base(activity).map(event -> MORS);
    }
    if (repeatsEarlierActivityAsRemoval(provenances, current)) {
      // Cancelling a death: the current activity is repeated with role removal and deceased false.
      return Optional.of(AN_MORS);
    }
    Optional<HospitalNotificationEvent> event = base(activity);
    if (event.isPresent()
        && encounter != null
        && "finished".equals(encounter.status())
        && event.get() != SLHJ) {
      return Optional.empty(); // activity and status disagree; let the caller treat it as unknown
    }
    return event;
  }

  private static boolean repeatsEarlierActivityAsRemoval(
      List<ProvenanceView> provenances, ProvenanceView current) {
    boolean removal =
        current.entities().stream().anyMatch(entity -> "removal".equals(entity.role()));
    return removal
        && provenances.subList(0, provenances.size() - 1).stream()
            .anyMatch(earlier -> current.activityCode().equals(earlier.activityCode()));
  }

  private static Optional<HospitalNotificationEvent> base(String activity) {
    return Optional.ofNullable(BASE_ACTIVITIES.get(activity));
  }
}
