package dk.stafet.tools.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.stafet.tools.IssuerTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The chaos run (issue 12): sends MedCom letters over HTTP and the senders' own {@code
 * medcom.inbound.<GLN>} and REST commands to the locally started system while it kills and restarts
 * each service, the broker and the database at seeded moments, and writes what it sent and got to
 * the run file for {@link ChaosCheck}. Loopback only; bounded by the letter count and {@code
 * CHAOS_MAX_DURATION}. {@code ./stafet chaos [N]} runs it; docs/reliability.md, "The chaos run".
 */
public final class ChaosRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChaosConfig config;
  private final Fault.Injector injector;
  private final ChaosHttp http;
  private final Traffic traffic;
  private final List<Letter> letters = Collections.synchronizedList(new ArrayList<>());
  private final List<RestFact> restFacts = Collections.synchronizedList(new ArrayList<>());
  private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong started = new AtomicLong();
  private final AtomicInteger patients = new AtomicInteger();
  private MedcomSender sender;
  private Instant begin;
  private Instant end;

  public ChaosRun(ChaosConfig config, Fault.Injector injector) {
    this.config = config;
    this.injector = injector;
    this.http = new ChaosHttp(config.issuerUrl());
    this.traffic = new Traffic(config.seed());
  }

  public static void main(String[] args) throws Exception {
    ChaosConfig config = ChaosConfig.from(args, System.getenv());
    String stafet = System.getenv().getOrDefault("STAFET_SCRIPT", "./stafet");
    ChaosRun run = new ChaosRun(config, new ScriptFaults(stafet));
    run.run();
    System.exit(0);
  }

  /**
   * Sends everything, injects the faults, writes the run file; returns when the last letter has its
   * answer or the time is up.
   */
  public void run() throws Exception {
    log("chaos: %s", config.describe());
    awaitReady(Duration.ofMinutes(5));
    begin = Instant.now();
    Instant deadline = begin.plus(config.maxDuration());
    sender = new MedcomSender(config, http, deadline.plus(Duration.ofMinutes(10)));
    Thread faultThread = new Thread(this::injectFaults, "chaos-faults");
    faultThread.start();
    ExecutorService workers = Executors.newFixedThreadPool(config.workers());
    for (int i = 0; i < config.workers(); i++) {
      workers.submit(
          () -> {
            while (started.get() < config.letters() && Instant.now().isBefore(deadline)) {
              try {
                patientCourse(traffic.patient(patients.incrementAndGet()));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
              } catch (RuntimeException e) {
                log(
                    "chaos: a patient course failed in the sender (%s: %s)",
                    e.getClass().getSimpleName(), e.getMessage());
              }
            }
            return null;
          });
    }
    Thread progress = new Thread(this::reportProgress, "chaos-progress");
    progress.setDaemon(true);
    progress.start();
    workers.shutdown();
    while (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
      // the workers stop on the count or the deadline
    }
    faultThread.join();
    end = Instant.now();
    sender.close();
    writeRunFile();
    log(
        "chaos: sent %d letters (%d resends) for %d patients in %s with %d faults; run file %s",
        letters.size(),
        letters.stream().mapToInt(l -> l.resends).sum(),
        patients.get(),
        Duration.between(begin, end).withNanos(0),
        faults.size(),
        config.runFile());
  }

  /**
   * One patient: listed GP (REST), admission, a CareCommunication to the GP, maybe a handover,
   * discharge; and maybe an invalid letter.
   */
  private void patientCourse(Traffic.Patient patient) throws InterruptedException {
    Random random = traffic.random();
    RestFact registration =
        rest(
            "LISTED_GP",
            patient,
            "/api/patients/listed-gp",
            config.referralUrl(),
            IssuerTokens.NATIONAL_REGISTER_SOR,
            body(
                "cpr",
                patient.cpr,
                "gpSor",
                patient.gp.sor(),
                "municipalitySor",
                patient.municipality.sor(),
                "occurredAt",
                Instant.now().minus(Duration.ofDays(400)).toString()),
            true);
    if (registration.status() == 200 || registration.status() == 201) {
      patient.patientKey = registration.patientKey();
    }
    if (chance(random, config.invalidShare() * 3)) { // about one letter in three per patient
      send(
          patient,
          Letter.Kind.HOSPITAL_NOTIFICATION,
          "STIN",
          false,
          traffic.invalidAdmission(patient));
    }
    Traffic.Stay stay = traffic.stay(patient);
    Bundle admission = stay.admission(Instant.now().minusSeconds(3600));
    if (!"ok".equals(send(patient, Letter.Kind.HOSPITAL_NOTIFICATION, "STIN", true, admission))) {
      return;
    }
    stay.accepted(admission);
    send(
        patient,
        Letter.Kind.CARE_COMMUNICATION,
        "discharge",
        true,
        traffic.careCommunication(patient));
    if (patient.patientKey != null && chance(random, 0.1)) {
      handover(patient);
    }
    send(
        patient,
        Letter.Kind.HOSPITAL_NOTIFICATION,
        "SLHJ",
        true,
        stay.discharge(Instant.now().minusSeconds(60)));
  }

  private String send(
      Traffic.Patient patient, Letter.Kind kind, String code, boolean valid, Bundle bundle)
      throws InterruptedException {
    if (started.incrementAndGet() > config.letters()) {
      return null;
    }
    Random random = traffic.random();
    Letter.Door door;
    boolean duplicate;
    boolean sameEnvelope;
    synchronized (traffic) {
      door = random.nextDouble() < config.httpShare() ? Letter.Door.HTTP : Letter.Door.KAFKA;
      duplicate = random.nextDouble() < config.duplicateShare();
      sameEnvelope = random.nextBoolean();
    }
    Letter letter =
        new Letter(
            bundle.getEntryFirstRep().getResource().getIdElement().getIdPart(),
            kind,
            code,
            valid,
            door,
            patient.department.gln(),
            receiverGln(bundle));
    letters.add(letter);
    String answer = sender.deliver(letter, bundle, patient.department.sor());
    if (answer != null && duplicate) {
      Bundle last = bundle;
      sender.duplicate(letter, last, patient.department.sor(), sameEnvelope);
    }
    return answer;
  }

  /**
   * A handover of the admitted patient from the admitting department to another hospital
   * department, accepted by it (R23). Sent again only when it cannot have arrived: a second
   * proposal would be a second handover.
   */
  private void handover(Traffic.Patient patient) throws InterruptedException {
    dk.stafet.contracts.registry.Organisation to = traffic.otherDepartment(patient.department);
    RestFact proposal =
        rest(
            "HANDOVER_PROPOSED",
            patient,
            "/api/handovers",
            config.responsibilityUrl(),
            patient.department.sor(),
            body(
                "patientKey",
                patient.patientKey,
                "toSor",
                to.sor(),
                "reason",
                "Overflyttes til anden afdeling",
                "patientInformed",
                "true",
                "relativesInformed",
                "false",
                "respondBy",
                Instant.now().plus(Duration.ofDays(2)).toString(),
                "occurredAt",
                Instant.now().toString()),
            false);
    if (proposal.id() != null) {
      rest(
          "HANDOVER_ACCEPTED",
          patient,
          "/api/handovers/" + proposal.id() + "/accept",
          config.responsibilityUrl(),
          to.sor(),
          body("occurredAt", Instant.now().toString()),
          false);
    }
  }

  /**
   * A REST command. An idempotent one is sent until answered; any other only again when it cannot
   * have arrived (nothing listened), since a second proposal would be a second handover. A 404 or
   * 409 (the ledger has not caught up with the patient's admission yet) is tried again a few times.
   */
  private RestFact rest(
      String kind,
      Traffic.Patient patient,
      String path,
      String base,
      String actingSor,
      String body,
      boolean idempotent)
      throws InterruptedException {
    int resends = 0;
    ChaosHttp.Answer answer = null;
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(giveUp)) {
      answer = http.post(base + path, actingSor, "application/json", body);
      boolean again =
          answer.unanswered()
              ? idempotent || answer.neverArrived()
              : answer.status() >= 500
                  ? idempotent
                  : (answer.status() == 404 || answer.status() == 409) && resends < 6;
      if (!again) {
        break;
      }
      resends++;
      Thread.sleep(Math.min(500L << Math.min(resends, 4), 5000));
    }
    String key = null;
    String id = null;
    if (answer != null
        && answer.status() >= 200
        && answer.status() < 300
        && answer.body() != null) {
      try {
        var json = JSON.readTree(answer.body());
        key = json.path("patientKey").asText(null);
        id = json.path("id").asText(null);
      } catch (IOException ignored) {
        // no JSON answer: nothing to remember
      }
    }
    RestFact fact =
        new RestFact(
            kind,
            patient.number,
            key != null ? key : patient.patientKey,
            answer == null ? 0 : answer.status(),
            id,
            resends);
    restFacts.add(fact);
    return fact;
  }

  // ---- faults

  /**
   * Each target as often as configured (each service killed and, separately, stopped gracefully),
   * in a seeded shuffled order, the i-th fault at a seeded moment in its slot of 5 %…85 % of the
   * letters; a killed target is kept down for 0.5–5 s.
   */
  private void injectFaults() {
    List<Fault> planned = new ArrayList<>();
    for (String target : injector.targets()) {
      boolean service = !target.equals("kafka") && !target.equals("postgres");
      int kills =
          switch (target) {
            case "kafka" -> config.brokerKills();
            case "postgres" -> config.databaseStops();
            default -> config.killsPerService();
          };
      for (int i = 0; i < kills; i++) {
        planned.add(new Fault(target, Fault.KILL, 0, null, null));
      }
      boolean stopped = service && config.stopServices().contains(target);
      for (int i = 0; stopped && i < config.stopsPerService(); i++) {
        planned.add(new Fault(target, Fault.STOP, 0, null, null));
      }
    }
    Random random = new Random(config.seed() * 31 + 7);
    Collections.shuffle(planned, random);
    int n = planned.size();
    for (int i = 0; i < n; i++) {
      Fault fault = planned.get(i);
      double slot = 0.8 / n;
      long at = (long) (config.letters() * (0.05 + slot * i + slot * random.nextDouble() * 0.8));
      Duration downFor = Duration.ofMillis(500 + random.nextInt(4500));
      try {
        while (started.get() < at && started.get() < config.letters()) {
          Thread.sleep(200);
        }
        Instant down = Instant.now();
        if (fault.how().equals(Fault.STOP)) {
          log(
              "chaos: fault %d/%d at letter %d: %s stopped (SIGTERM)",
              i + 1, n, started.get(), fault.target());
          injector.stop(fault.target());
        } else {
          log(
              "chaos: fault %d/%d at letter %d: %s down for %d ms",
              i + 1, n, started.get(), fault.target(), downFor.toMillis());
          injector.hit(fault.target(), downFor);
        }
        Instant back = Instant.now();
        faults.add(new Fault(fault.target(), fault.how(), at, down, back));
        log("chaos: %s back after %d ms", fault.target(), Duration.between(down, back).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        log("chaos: fault on %s failed: %s", fault.target(), e.getMessage());
        faults.add(new Fault(fault.target(), fault.how(), at, Instant.now(), null));
      }
    }
  }

  // ---- output

  private void writeRunFile() throws IOException {
    List<Instant> resends = sender.resendTimes();
    ObjectNode root = JSON.createObjectNode();
    root.put("seed", config.seed());
    root.put("requested", config.letters());
    root.put("begin", begin.toString());
    root.put("end", end.toString());
    root.put("patients", patients.get());
    var ls = root.putArray("letters");
    synchronized (letters) {
      for (Letter l : letters) {
        ObjectNode o = ls.addObject();
        o.put("id", l.id)
            .put("kind", l.kind.name())
            .put("code", l.code)
            .put("valid", l.valid)
            .put("door", l.door.name())
            .put("senderGln", l.senderGln)
            .put("receiverGln", l.receiverGln)
            .put("resends", l.resends)
            .put("deliberateDuplicates", l.deliberateDuplicates);
        l.envelopes().forEach(o.putArray("envelopes")::add);
        l.answers().forEach(o.putArray("answers")::add);
      }
    }
    var rs = root.putArray("rest");
    synchronized (restFacts) {
      for (RestFact r : restFacts) {
        rs.addObject()
            .put("kind", r.kind())
            .put("patient", r.patient())
            .put("patientKey", r.patientKey())
            .put("status", r.status())
            .put("id", r.id())
            .put("resends", r.resends());
      }
    }
    var fs = root.putArray("faults");
    synchronized (faults) {
      for (Fault f : faults) {
        // What the fault cost the senders: letters sent again between the fault and a minute after
        // its recovery.
        Instant until = (f.back() == null ? end : f.back()).plus(Duration.ofMinutes(1));
        long caused =
            resends.stream().filter(t -> !t.isBefore(f.down()) && t.isBefore(until)).count();
        fs.addObject()
            .put("target", f.target())
            .put("how", f.how())
            .put("atLetter", f.atLetter())
            .put("down", f.down().toString())
            .put("back", f.back() == null ? null : f.back().toString())
            .put("recoveryMs", f.back() == null ? -1 : f.recovery().toMillis())
            .put("resendsCaused", caused);
      }
    }
    Files.createDirectories(config.runFile().toAbsolutePath().getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(config.runFile().toFile(), root);
  }

  private void reportProgress() {
    long last = -1;
    while (true) {
      try {
        Thread.sleep(30_000);
      } catch (InterruptedException e) {
        return;
      }
      long now = started.get();
      if (now != last) {
        long answered;
        synchronized (letters) {
          answered = letters.stream().filter(l -> l.finalAnswer() != null).count();
        }
        log(
            "chaos: %d letters started, %d answered, %d faults, %s",
            now, answered, faults.size(), Duration.between(begin, Instant.now()).withNanos(0));
        last = now;
      }
    }
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    Instant until = Instant.now().plus(timeout);
    while (!(http.ready(config.referralUrl()) && http.ready(config.responsibilityUrl()))) {
      if (Instant.now().isAfter(until)) {
        throw new IllegalStateException(
            "the services are not ready; start them first (./stafet up --detach --no-demo)");
      }
      Thread.sleep(1000);
    }
  }

  private static boolean chance(Random random, double p) {
    synchronized (random) {
      return random.nextDouble() < p;
    }
  }

  private static String receiverGln(Bundle bundle) {
    return new dk.stafet.contracts.medcom.MedcomMessage(bundle)
        .primaryReceiver()
        .map(d -> d.receiver().gln())
        .orElse(null);
  }

  private static String body(String... namesAndValues) {
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String value = namesAndValues[i + 1];
      if ("true".equals(value) || "false".equals(value)) {
        node.put(namesAndValues[i], Boolean.parseBoolean(value));
      } else {
        node.put(namesAndValues[i], value);
      }
    }
    return node.toString();
  }

  static void log(String format, Object... args) {
    System.out.printf(
        "%s %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    System.out.flush();
  }
}
