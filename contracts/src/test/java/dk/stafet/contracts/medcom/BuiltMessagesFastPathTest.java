package dk.stafet.contracts.medcom;

import static org.assertj.core.api.Assertions.assertThat;

import dk.stafet.contracts.medcom.MedcomViews.OrganisationView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The proof for {@link MedcomValidator#validateBuilt}: the fast path's verdict on a model Stafet
 * built is the verdict it gives the text written from it (the way in it replaces: parse the text,
 * check that model), and <b>no built message the fast path accepts on its model is one HAPI's
 * validator rejects</b> in its text.
 *
 * <p>The messages are what notification-service builds, from varied inputs: HospitalNotifications
 * of whole stays (each after the first repeats the chain read back from the previous one's text, as
 * the composer does), CareCommunications with any text. Some have their model changed after it was
 * built in the ways a built model can differ from its text (an empty item in a list, an element
 * created by a getter, a string with surrounding whitespace, a resource id with its type, a
 * reference to a resource object, a wrong fixed value, a required element emptied): the written
 * text then differs from the model or is invalid, and an accept on the model must still be an
 * accept on the text and by HAPI. Without {@link AsWritten} it is not: an emptied required
 * reference is walked on the model and missing from the text.
 */
class BuiltMessagesFastPathTest {

  private static final MedcomValidator VALIDATOR = SharedValidator.get();
  private static final MedcomCodec CODEC = new MedcomCodec();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC);
  private static final List<OrganisationView> HOSPITALS =
      List.of(
          HospitalNotificationBuilderTest.HOSPITAL,
          new OrganisationView(null, "1144561000016002", "5790001382445", "Ortopædkirurgisk Afd."));
  private static final List<OrganisationView> MUNICIPALITIES =
      List.of(
          HospitalNotificationBuilderTest.MUNICIPALITY,
          new OrganisationView(null, "1030571000016006", "5790000123117", "Aarhus Kommune"));

  private static final List<String> accepted = new ArrayList<>();
  private static final List<String> unchangedDeferred = new ArrayList<>();

  /** How a built model is changed after building; only NONE keeps it as written. */
  enum Change {
    NONE,
    GETTER_CREATED_ELEMENTS,
    EMPTY_IDENTIFIER_IN_LIST,
    EMPTY_NAME_IN_LIST,
    EMPTY_EXTENSION_IN_LIST,
    GIVEN_NAME_WITH_WHITESPACE,
    EMPTY_ORGANISATION_NAME,
    RESOURCE_ID_WITH_TYPE,
    REFERENCE_TO_RESOURCE_OBJECT,
    WRONG_FIXED_SYSTEM,
    EMPTY_SOURCE,
    EMPTY_ENCOUNTER_CLASS,
    EMPTY_PERIOD,
    EMPTY_SUBJECT,
    EMPTY_RECEIVER,
    EMPTY_AGENT,
    EMPTY_PATIENT_NAMES;

    boolean keepsItAsWritten() {
      return this == NONE;
    }
  }

  @Property(tries = 120)
  void aHospitalNotificationAcceptedOnItsModelIsAcceptedInItsText(
      @ForAll("stays") List<HospitalNotificationBuilder.Notification> stay, @ForAll Change change) {
    HospitalNotificationBuilder builder =
        new HospitalNotificationBuilder("https://stafet.dk/fhir/", CLOCK);
    Optional<MedcomMessage> previous = Optional.empty();
    for (HospitalNotificationBuilder.Notification planned : stay) {
      HospitalNotificationBuilder.Notification notification =
          previous.isEmpty()
              ? planned
              : withChain(
                  planned,
                  HospitalNotificationBuilderTest.provenances(previous.get().bundle()),
                  previous.get().messageHeaderId(),
                  previous
                      .get()
                      .currentProvenance()
                      .map(MedcomViews.ProvenanceView::activityCode)
                      .orElse(null));
      Bundle bundle = builder.build(notification);
      String text = check(bundle, change, "HospitalNotification " + planned.event());
      previous = Optional.of(CODEC.parseRoutingPart(text, MedcomFormat.JSON));
    }
  }

  @Property(tries = 80)
  void aCareCommunicationAcceptedOnItsModelIsAcceptedInItsText(
      @ForAll("careCommunications") CareCommunicationBuilder.CareCommunication letter,
      @ForAll Change change) {
    Bundle bundle = new CareCommunicationBuilder("https://stafet.dk/fhir/", CLOCK).build(letter);
    check(bundle, change, "CareCommunication " + letter.category());
  }

  @AfterContainer
  static void theBuiltMessagesAsTheyAreArePassedByTheFastPath() {
    System.out.printf(
        "Built messages: %d accepted on their model, %d unchanged ones deferred%n",
        accepted.size(), unchangedDeferred.size());
    unchangedDeferred.stream().distinct().forEach(reason -> System.out.println("  " + reason));
    assertThat(unchangedDeferred).isEmpty();
    assertThat(accepted).isNotEmpty();
  }

  /** Changes the model, writes it, and holds the verdicts to each other; returns the text. */
  private static String check(Bundle bundle, Change change, String name) {
    change(bundle, change);
    MessageType type = MedcomValidator.messageTypeOf(bundle);
    FastPathValidator.Verdict onModel = VALIDATOR.builtVerdict(type, bundle);
    String text = CODEC.write(bundle, MedcomFormat.JSON);
    FastPathValidator.Verdict onText =
        VALIDATOR.fastPathVerdict(CODEC.parseNoted(text, MedcomFormat.JSON));
    Statistics.label("change, verdict on the model")
        .collect(change, onModel.accepted() ? "accept" : "ask HAPI");
    if (change.keepsItAsWritten()) {
      assertThat(onModel.accepted())
          .as("%s as built: on the model %s, in the text %s", name, onModel, onText)
          .isEqualTo(onText.accepted());
      if (!onModel.accepted()) {
        unchangedDeferred.add(name + ": " + onModel.reason());
      }
    }
    if (onModel.accepted()) {
      assertThat(onText.accepted())
          .as("%s (%s) accepted on the model, not in the text: %s", name, change, onText)
          .isTrue();
      List<MedcomIssue> errors =
          VALIDATOR.validateWithHapi(text, MedcomFormat.JSON).stream()
              .filter(MedcomIssue::isError)
              .toList();
      assertThat(errors)
          .as("%s (%s) accepted by the fast path, rejected by HAPI", name, change)
          .isEmpty();
      accepted.add(name);
    }
    return text;
  }

  private static void change(Bundle bundle, Change change) {
    MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
    Optional<Patient> patient = first(bundle, Patient.class);
    Optional<Organization> organisation = first(bundle, Organization.class);
    switch (change) {
      case NONE -> {}
      case GETTER_CREATED_ELEMENTS -> {
        header.getResponse();
        header.getMeta().getSecurity();
        patient.ifPresent(p -> p.getBirthDateElement());
        bundle.getSignature();
      }
      case EMPTY_IDENTIFIER_IN_LIST -> patient.ifPresent(p -> p.addIdentifier(new Identifier()));
      case EMPTY_NAME_IN_LIST -> patient.ifPresent(p -> p.addName(new HumanName()));
      case EMPTY_EXTENSION_IN_LIST -> {
        header.addExtension(new Extension());
        header.addExtension(new Extension());
      }
      case GIVEN_NAME_WITH_WHITESPACE ->
          patient.ifPresent(p -> p.getNameFirstRep().addGiven(" Bo"));
      case EMPTY_ORGANISATION_NAME -> organisation.ifPresent(o -> o.setName(""));
      case RESOURCE_ID_WITH_TYPE ->
          patient.ifPresent(p -> p.setId("Patient/" + p.getIdElement().getIdPart()));
      case REFERENCE_TO_RESOURCE_OBJECT ->
          header.getFocusFirstRep().setResource(first(bundle, Encounter.class).orElse(null));
      case EMPTY_SOURCE -> header.setSource(new MessageHeader.MessageSourceComponent());
      case EMPTY_ENCOUNTER_CLASS ->
          first(bundle, Encounter.class).ifPresent(e -> e.setClass_(new Coding()));
      case EMPTY_PERIOD -> first(bundle, Encounter.class).ifPresent(e -> e.setPeriod(new Period()));
      case EMPTY_SUBJECT ->
          first(bundle, Encounter.class).ifPresent(e -> e.setSubject(new Reference()));
      case EMPTY_RECEIVER -> header.getDestinationFirstRep().setReceiver(new Reference());
      case EMPTY_AGENT ->
          first(bundle, Provenance.class)
              .ifPresent(p -> p.getAgentFirstRep().setWho(new Reference()));
      case EMPTY_PATIENT_NAMES ->
          patient.ifPresent(p -> p.setName(new ArrayList<>(List.of(new HumanName()))));
      case WRONG_FIXED_SYSTEM ->
          patient.ifPresent(p -> p.getIdentifierFirstRep().setSystem("urn:oid:1.2.208.176.1.99"));
    }
  }

  private static <T extends Resource> Optional<T> first(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst();
  }

  private static HospitalNotificationBuilder.Notification withChain(
      HospitalNotificationBuilder.Notification n,
      List<Provenance> earlier,
      String previousHeader,
      String previousActivity) {
    return new HospitalNotificationBuilder.Notification(
        n.event(),
        n.messageHeaderId(),
        n.sender(),
        n.receiver(),
        n.serviceProvider(),
        n.cpr(),
        n.patientFamilyName(),
        n.patientGivenNames(),
        n.encounterClass(),
        n.episodeOfCareId(),
        n.episodeOfCareSystem(),
        n.periodStart(),
        n.periodEnd(),
        n.leaveStart(),
        n.leaveEnd(),
        earlier,
        previousHeader,
        previousActivity);
  }

  // --- generators -------------------------------------------------------------------------------

  private static Arbitrary<String> names() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyzæøåÆØÅÉéü-' .")
        .ofMinLength(1)
        .ofMaxLength(24)
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(
            Instant.parse("2019-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2026-12-01T00:00:00Z").getEpochSecond())
        .map(Instant::ofEpochSecond);
  }

  /** The notifications of one stay, in the order notification-service sends them. */
  @Provide
  Arbitrary<List<HospitalNotificationBuilder.Notification>> stays() {
    Arbitrary<List<HospitalNotificationEvent>> courses =
        Arbitraries.of(
            List.of(HospitalNotificationEvent.STIN),
            List.of(HospitalNotificationEvent.STAA, HospitalNotificationEvent.SLHJ),
            List.of(
                HospitalNotificationEvent.STIN,
                HospitalNotificationEvent.STOR,
                HospitalNotificationEvent.SLOR,
                HospitalNotificationEvent.SLHJ),
            List.of(HospitalNotificationEvent.STIN, HospitalNotificationEvent.MORS),
            List.of(HospitalNotificationEvent.STIN, HospitalNotificationEvent.AN_STIN),
            List.of(HospitalNotificationEvent.STIN, HospitalNotificationEvent.RE_STIN),
            List.of(
                HospitalNotificationEvent.STIN,
                HospitalNotificationEvent.STOR,
                HospitalNotificationEvent.AN_STOR),
            List.of(
                HospitalNotificationEvent.STAA,
                HospitalNotificationEvent.SLHJ,
                HospitalNotificationEvent.AN_SLHJ));
    return Combinators.combine(
            courses,
            Arbitraries.of(HOSPITALS),
            Arbitraries.of(MUNICIPALITIES),
            names(),
            names().list().ofMaxSize(3),
            instants(),
            Arbitraries.integers().between(1, 20 * 24),
            Arbitraries.of("urn:uuid:" + UUID.randomUUID(), UUID.randomUUID().toString()))
        .as(
            (events, hospital, municipality, family, given, admitted, hours, episode) -> {
              String cls = events.get(0) == HospitalNotificationEvent.STAA ? "EMER" : "IMP";
              Instant leaveStart = admitted.plus(Duration.ofHours(hours));
              Instant leaveEnd = leaveStart.plus(Duration.ofHours(hours));
              Instant end = leaveEnd.plus(Duration.ofHours(hours));
              List<HospitalNotificationBuilder.Notification> stay = new ArrayList<>();
              for (HospitalNotificationEvent event : events) {
                boolean ended = event.name().endsWith("SLHJ") || event.name().endsWith("MORS");
                stay.add(
                    new HospitalNotificationBuilder.Notification(
                        event,
                        null,
                        hospital,
                        municipality,
                        null,
                        HospitalNotificationBuilderTest.CPR,
                        family,
                        given,
                        cls,
                        episode.replace("urn:uuid:", ""),
                        null,
                        admitted,
                        ended ? end : null,
                        event.name().contains("OR") ? leaveStart : null,
                        event.name().contains("SLOR") ? leaveEnd : null,
                        List.of(),
                        null,
                        null));
              }
              return stay;
            });
  }

  @Provide
  Arbitrary<CareCommunicationBuilder.CareCommunication> careCommunications() {
    Arbitrary<String> texts =
        Arbitraries.strings()
            .withChars("abcæøå ABC.,:;!?()[]/&<>\"'\n\t0123456789-")
            .ofMinLength(1)
            .ofMaxLength(400)
            .map(String::strip)
            .filter(s -> !s.isEmpty());
    return Combinators.combine(
            Arbitraries.of(List.copyOf(CareCommunicationBuilder.CATEGORIES)),
            names().injectNull(0.5),
            texts,
            Arbitraries.of(HOSPITALS),
            Arbitraries.of(MUNICIPALITIES),
            names(),
            names().list().ofMaxSize(2),
            Arbitraries.of("+4511223344", "44556677", "+45 70 20 30 40"))
        .as(
            (category, topic, text, hospital, municipality, family, given, phone) ->
                new CareCommunicationBuilder.CareCommunication(
                    null,
                    null,
                    hospital,
                    municipality,
                    HospitalNotificationBuilderTest.CPR,
                    family,
                    given,
                    category,
                    "other".equals(category) && topic == null ? "Opfølgning" : topic,
                    text,
                    null,
                    new CareCommunicationBuilder.Author(
                        given.isEmpty() ? null : given.get(0),
                        family,
                        "laegesekretaer", // notification-service's configured role
                        phone)));
  }
}
