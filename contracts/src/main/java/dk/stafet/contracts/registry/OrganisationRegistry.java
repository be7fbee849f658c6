package dk.stafet.contracts.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organisations Stafet knows, loaded from {@code registry/organisations.json} on the classpath:
 * Central Denmark Region's hospitals, GPs, out-of-hours service, specialists and municipalities,
 * plus every organisation in MedCom's examples. Most SOR/GLN values are synthetic (see the file's
 * notice). Immutable.
 */
public final class OrganisationRegistry {

  public static final String DEFAULT_RESOURCE = "registry/organisations.json";

  private final Map<String, Organisation> bySor = new LinkedHashMap<>();
  private final Map<String, List<Organisation>> byGln = new HashMap<>();

  public OrganisationRegistry(List<Organisation> organisations) {
    for (Organisation organisation : organisations) {
      if (!Gln.isValid(organisation.gln())) {
        throw new IllegalArgumentException("Invalid GLN check digit for SOR " + organisation.sor());
      }
      if (bySor.putIfAbsent(organisation.sor(), organisation) != null) {
        throw new IllegalArgumentException("Duplicate SOR " + organisation.sor());
      }
      byGln.computeIfAbsent(organisation.gln(), gln -> new ArrayList<>()).add(organisation);
    }
  }

  /** The registry shipped in contracts ({@value #DEFAULT_RESOURCE}). */
  public static OrganisationRegistry standard() {
    return load(DEFAULT_RESOURCE);
  }

  public static boolean isValidGln(String gln) {
    return Gln.isValid(gln);
  }

  public static OrganisationRegistry load(String classpathResource) {
    ObjectMapper mapper =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (InputStream in =
        OrganisationRegistry.class.getClassLoader().getResourceAsStream(classpathResource)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + classpathResource);
      }
      JsonNode root = mapper.readTree(in);
      List<Organisation> organisations = new ArrayList<>();
      for (JsonNode node : root.path("organisations")) {
        organisations.add(mapper.treeToValue(node, Organisation.class));
      }
      return new OrganisationRegistry(organisations);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + classpathResource, e);
    }
  }

  /** Every GLN the registry knows (several organisations may share one). */
  public Set<String> glns() {
    return Collections.unmodifiableSet(byGln.keySet());
  }

  public Optional<Organisation> bySor(String sor) {
    return Optional.ofNullable(bySor.get(sor));
  }

  /**
   * A GLN may be shared: a unit without its own GLN uses its parent's (as in MedCom's examples).
   * Then the institution, not the unit, is the answer; {@link #allByGln(String)} gives every
   * holder.
   */
  public Optional<Organisation> byGln(String gln) {
    List<Organisation> holders = allByGln(gln);
    return holders.stream()
        .filter(
            o ->
                o.parentSor() == null
                    || holders.stream().noneMatch(p -> p.sor().equals(o.parentSor())))
        .findFirst();
  }

  public List<Organisation> allByGln(String gln) {
    return List.copyOf(byGln.getOrDefault(gln, List.of()));
  }

  public Optional<Organisation> outOfHoursService(String region) {
    return bySor.values().stream()
        .filter(o -> o.kind() == OrganisationKind.OUT_OF_HOURS && region.equals(o.region()))
        .findFirst();
  }

  /**
   * The municipality (kind MUNICIPALITY) with this three-digit code: the HospitalNotification
   * recipient.
   */
  public Optional<Organisation> municipality(String municipalityCode) {
    return bySor.values().stream()
        .filter(
            o ->
                o.kind() == OrganisationKind.MUNICIPALITY
                    && municipalityCode.equals(o.municipalityCode()))
        .findFirst();
  }

  /** Every organisation located in or belonging to a municipality. */
  public List<Organisation> byMunicipalityCode(String municipalityCode) {
    return bySor.values().stream()
        .filter(o -> municipalityCode.equals(o.municipalityCode()))
        .toList();
  }

  public boolean isKnown(String sor) {
    return bySor.containsKey(sor);
  }

  /** Known by SOR, or (when the SOR is absent) by GLN. */
  public boolean isKnown(String sor, String gln) {
    return sor != null ? isKnown(sor) : gln != null && byGln.containsKey(gln);
  }

  public List<Organisation> all() {
    return List.copyOf(bySor.values());
  }

  public List<Organisation> ofKind(OrganisationKind kind) {
    return bySor.values().stream().filter(o -> o.kind() == kind).toList();
  }
}
