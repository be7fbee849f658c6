package dk.stafet.contracts.medcom;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Provenance;

/**
 * What validating an outgoing message costs notification-service, per message: building it, writing
 * it and validating it the way it did until session 17 (the fast path parses the text again, {@link
 * MedcomValidator#validate(Bundle, String, MedcomFormat)}) against {@link
 * MedcomValidator#validateBuilt} (the fast path walks the model as built). The messages are a
 * stay's HospitalNotifications (STIN, STOR, SLOR, SLHJ, each repeating the chain) and a
 * CareCommunication, built anew for every call (the walk may add empty elements to the model, as
 * HAPI's getters do). Run like {@link ForwardingBenchmark}; timings are printed, not asserted.
 */
public final class OutgoingValidationBenchmark {

  private OutgoingValidationBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    MedcomCodec codec = new MedcomCodec();
    MedcomValidator validator = new MedcomValidator(codec, MedcomExamples.profilesDir());
    validator.configureFastPath(new FastPathSettings(true, 0, Runnable::run, (type, paths) -> {}));
    List<IntFunction<Bundle>> messages = messages(codec);
    // Each message's text as first built names it (so the benchmark's size line is the messages'),
    // and every call builds it anew.
    Map<String, IntFunction<Bundle>> byText = new LinkedHashMap<>();
    messages.forEach(build -> byText.put(codec.write(build.apply(0), MedcomFormat.JSON), build));
    TwoWaysBenchmark.run(
        List.copyOf(byText.keySet()),
        rounds,
        "write, parse again, check",
        key -> {
          Bundle bundle = byText.get(key).apply(0);
          String text = codec.write(bundle, MedcomFormat.JSON);
          return validator.validate(bundle, text, MedcomFormat.JSON).size() + text.length();
        },
        "write, check the model",
        key -> {
          MedcomValidator.Built built = validator.validateBuilt(byText.get(key).apply(0));
          return built.issues().size() + built.text().length();
        });
    System.out.printf(
        "fast path accepted %d, deferred %d%n",
        validator.fastPathAccepted(), validator.fastPathDeferred());
  }

  /** Builders of the messages of one stay and one CareCommunication. */
  private static List<IntFunction<Bundle>> messages(MedcomCodec codec) {
    Clock clock = Clock.systemUTC();
    HospitalNotificationBuilder builder =
        new HospitalNotificationBuilder("https://stafet.dk/fhir/", clock);
    String episode = UUID.randomUUID().toString();
    Instant admitted = Instant.parse("2026-03-01T11:00:00Z");
    List<IntFunction<Bundle>> messages = new ArrayList<>();
    List<Provenance> chain = new ArrayList<>();
    String previousHeader = null;
    String previousActivity = null;
    for (HospitalNotificationEvent event :
        List.of(
            HospitalNotificationEvent.STIN,
            HospitalNotificationEvent.STOR,
            HospitalNotificationEvent.SLOR,
            HospitalNotificationEvent.SLHJ)) {
      HospitalNotificationBuilder.Notification notification =
          new HospitalNotificationBuilder.Notification(
              event,
              null,
              HospitalNotificationBuilderTest.HOSPITAL,
              HospitalNotificationBuilderTest.MUNICIPALITY,
              null,
              HospitalNotificationBuilderTest.CPR,
              "Elmer",
              List.of("Bruno"),
              "IMP",
              episode,
              null,
              admitted,
              event == HospitalNotificationEvent.SLHJ ? admitted.plusSeconds(86_400 * 3) : null,
              event == HospitalNotificationEvent.STIN ? null : admitted.plusSeconds(86_400),
              event == HospitalNotificationEvent.SLOR || event == HospitalNotificationEvent.SLHJ
                  ? admitted.plusSeconds(86_400 * 2)
                  : null,
              List.copyOf(chain),
              previousHeader,
              previousActivity);
      messages.add(round -> builder.build(notification));
      MedcomMessage sent =
          codec.parseRoutingPart(
              codec.write(builder.build(notification), MedcomFormat.JSON), MedcomFormat.JSON);
      chain.clear();
      chain.addAll(HospitalNotificationBuilderTest.provenances(sent.bundle()));
      previousHeader = sent.messageHeaderId();
      previousActivity =
          sent.currentProvenance().map(MedcomViews.ProvenanceView::activityCode).orElse(null);
    }
    CareCommunicationBuilder careCommunications =
        new CareCommunicationBuilder("https://stafet.dk/fhir/", clock);
    messages.add(
        round ->
            careCommunications.build(
                new CareCommunicationBuilder.CareCommunication(
                    null,
                    null,
                    HospitalNotificationBuilderTest.HOSPITAL,
                    HospitalNotificationBuilderTest.MUNICIPALITY,
                    HospitalNotificationBuilderTest.CPR,
                    "Elmer",
                    List.of("Bruno"),
                    "carecoordination",
                    null,
                    "Patienten er udskrevet. Genoptræningsplan følger.",
                    null,
                    new CareCommunicationBuilder.Author(
                        null, "Stafet automatisk besked", "laegesekretaer", "70000000"))));
    return messages;
  }
}
