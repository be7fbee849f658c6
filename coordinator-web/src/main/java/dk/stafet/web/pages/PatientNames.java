package dk.stafet.web.pages;

import dk.stafet.web.client.Api;
import dk.stafet.web.client.Fetched;
import dk.stafet.web.client.ReferralClient;
import dk.stafet.web.view.PatientLabel;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Names the patients a page shows, from referral-service (which learnt the names from MedCom
 * messages and the national register): one call per section, with the logged-in person's token, so
 * referral-service audits each patient named with that person. Nothing is cached here: a name on
 * the page is always a read the person made (docs/web.md, "Patients by name").
 */
@ApplicationScoped
public class PatientNames {

  /** referral-service's limit per request. */
  static final int PER_REQUEST = 100;

  private final ReferralClient referral;

  public PatientNames(@RestClient ReferralClient referral) {
    this.referral = referral;
  }

  /** The names of these patients (nulls and repeats ignored). */
  public Names of(Stream<String> patientKeys) {
    List<String> keys =
        new ArrayList<>(
            patientKeys
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    Instant now = Instant.now();
    Map<String, PatientLabel> labels = new HashMap<>();
    for (int from = 0; from < keys.size(); from += PER_REQUEST) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + PER_REQUEST));
      Fetched<List<Api.PatientIdentity>> answer = Fetched.of(() -> referral.identities(chunk));
      if (answer.ok()) {
        answer.value().forEach(i -> labels.put(i.patientKey(), PatientLabel.of(i, now)));
      }
    }
    return new Names(labels);
  }

  /** The names of the patients in a fetched list, or none if the list itself failed. */
  public <T> Names inList(Fetched<List<T>> list, Function<T, String> key) {
    return list.ok() ? of(list.value().stream().map(key)) : Names.NONE;
  }

  /** What a template asks: {@code names.of(a.patientKey)}. */
  @TemplateData
  public record Names(Map<String, PatientLabel> labels) {

    static final Names NONE = new Names(Map.of());

    public PatientLabel of(String patientKey) {
      PatientLabel label = labels.get(patientKey);
      return label != null ? label : PatientLabel.unidentified(patientKey);
    }
  }
}
