package dk.stafet.tools.demo;

import dk.stafet.contracts.medcom.HospitalNotificationBuilder;
import dk.stafet.contracts.medcom.MedcomCodec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Demo traffic for a running Stafet (started by {@code ./stafet up} through scripts/demo.sh; {@code
 * --no-demo} leaves it out): a synthetic population of Central Denmark Region with valid CPR
 * numbers, each listed with a GP, lives through cancer pathways, heart referrals, acute function
 * courses, admissions with leave and discharge, specialist courses, handovers to the GP (accepted,
 * rejected or left unanswered), named doctors and deaths — through the real front door (REST and
 * MedCom HospitalNotifications), at DEMO_RATE requests per second, with DEMO_BAD_SHARE of
 * deliberately bad messages for the quarantine. See docs/local-stack.md, "Demo traffic".
 *
 * <p>Logs go to stdout and never carry a CPR number. Refusals are logged and the demo goes on.
 * SIGTERM / SIGINT stop it after the request in flight.
 */
public final class DemoTraffic {

  private DemoTraffic() {}

  public static void main(String[] args) {
    DemoConfig config;
    try {
      config = DemoConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      DemoLog.warn("%s", e.getMessage());
      System.exit(2);
      return;
    }
    DemoLog.info("Stafet demo traffic: %s", config.describe());
    Random random = config.seed() == null ? new Random() : new Random(config.seed());
    Region region = Region.standard();
    Population population = new Population(region, random, config.patients());
    describe(population);
    MedcomCodec codec = new MedcomCodec();
    HospitalNotificationBuilder notifications =
        new HospitalNotificationBuilder(StayNotifications.FULL_URL_BASE, Clock.systemUTC());
    StafetHttp http = new StafetHttp(config);
    DemoRun run =
        new DemoRun(
            config,
            http,
            population,
            new CourseScripts(region, random, notifications, codec),
            new BadMessages(region, random, notifications, codec),
            random);

    Thread main = Thread.currentThread();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (!run.running()) {
                    return;
                  }
                  run.stop();
                  main.interrupt();
                  try {
                    main.join(4000);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "demo-shutdown"));

    try {
      if (!waitUntilReady(config, http, run)) {
        if (run.running()) { // gave up (DEMO_READY_TIMEOUT_SECONDS), not stopped by a signal
          run.stop();
          System.exit(1);
        }
        return;
      }
      DemoLog.info("all services ready; sending");
      run.run();
      DemoLog.info("done: %s", run.summary());
    } catch (InterruptedException e) {
      DemoLog.info("stopping: %s", run.summary());
    } finally {
      run.stop();
    }
  }

  /** Waits for GET /q/health/ready of the three services; logs what it waits for every 15 s. */
  private static boolean waitUntilReady(DemoConfig config, StafetHttp http, DemoRun run)
      throws InterruptedException {
    Map<String, String> services = new LinkedHashMap<>();
    services.put("referral-service", config.referralUrl());
    services.put("responsibility-service", config.responsibilityUrl());
    services.put("notification-service", config.notificationUrl());
    long started = System.nanoTime();
    long lastLog = 0;
    while (run.running()) {
      Map<String, String> pending = new LinkedHashMap<>();
      for (Map.Entry<String, String> service : services.entrySet()) {
        if (!http.ready(service.getValue())) {
          pending.put(service.getKey(), service.getValue());
        }
      }
      if (pending.isEmpty()) {
        return true;
      }
      long waited = (System.nanoTime() - started) / 1_000_000_000L;
      if (config.readyTimeout().toSeconds() > 0 && waited >= config.readyTimeout().toSeconds()) {
        DemoLog.warn("gave up after %d s waiting for %s", waited, pending.keySet());
        return false;
      }
      if (lastLog == 0 || System.nanoTime() - lastLog > 15_000_000_000L) {
        lastLog = System.nanoTime();
        DemoLog.info("waiting for %s (GET /q/health/ready)", pending.keySet());
      }
      Thread.sleep(2000);
    }
    return false;
  }

  private static void describe(Population population) {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    Map<String, Long> byMunicipality =
        population.all().stream()
            .collect(
                Collectors.groupingBy(
                    p -> p.municipality.name(), TreeMap::new, Collectors.counting()));
    int youngest = population.all().stream().mapToInt(p -> p.ageAt(today)).min().orElse(0);
    int oldest = population.all().stream().mapToInt(p -> p.ageAt(today)).max().orElse(0);
    long gps = population.all().stream().map(p -> p.gp.sor()).distinct().count();
    DemoLog.info(
        "population: %d synthetic patients aged %d–%d, listed with %d GP practices; %s",
        population.all().size(), youngest, oldest, gps, byMunicipality);
  }
}
