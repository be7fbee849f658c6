package dk.stafet.tools.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the chaos run sends, to whom and for how long. From the environment ({@code ./stafet chaos}
 * passes it) with the message count as the first argument.
 *
 * @param letters MedCom letters to send (valid and invalid; deliberate duplicates and resends come
 *     on top)
 * @param seed seeds the population, the traffic mix and the fault moments
 * @param workers patients worked on at once (each patient's letters go one after the other, in
 *     order)
 * @param invalidShare share of letters built invalid (answered fatal-error and quarantined)
 * @param duplicateShare share of letters sent again after their answer (half the same envelope,
 *     half a retransmission)
 * @param httpShare share of letters sent over HTTP; the rest go over the sender's own {@code
 *     medcom.inbound.<GLN>}
 * @param ackTimeout how long a Kafka sender waits for an acknowledgement before it sends the letter
 *     again
 * @param maxDuration the run stops sending new letters after this long, whatever the count
 * @param killsPerService SIGKILLs of each service over the run
 * @param stopsPerService graceful stops (SIGTERM) and restarts of each service over the run
 * @param stopServices the services stopped gracefully (default all three)
 * @param brokerKills SIGKILLs of the Kafka broker
 * @param databaseStops immediate stops of PostgreSQL
 * @param runFile where the sender writes what it sent and got (the checker's input)
 */
public record ChaosConfig(
    long letters,
    long seed,
    int workers,
    double invalidShare,
    double duplicateShare,
    double httpShare,
    Duration ackTimeout,
    Duration maxDuration,
    int killsPerService,
    int stopsPerService,
    java.util.Set<String> stopServices,
    int brokerKills,
    int databaseStops,
    String referralUrl,
    String responsibilityUrl,
    String issuerUrl,
    String kafkaBootstrap,
    Path runFile) {

  public static ChaosConfig from(String[] args, Map<String, String> env) {
    long letters =
        args.length > 0
            ? Long.parseLong(args[0])
            : Long.parseLong(env.getOrDefault("CHAOS_MESSAGES", "100000"));
    return new ChaosConfig(
        letters,
        Long.parseLong(env.getOrDefault("CHAOS_SEED", "12")),
        Integer.parseInt(env.getOrDefault("CHAOS_WORKERS", "12")),
        Double.parseDouble(env.getOrDefault("CHAOS_INVALID_SHARE", "0.02")),
        Double.parseDouble(env.getOrDefault("CHAOS_DUPLICATE_SHARE", "0.06")),
        Double.parseDouble(env.getOrDefault("CHAOS_HTTP_SHARE", "0.5")),
        Duration.parse(env.getOrDefault("CHAOS_ACK_TIMEOUT", "PT90S")),
        Duration.parse(env.getOrDefault("CHAOS_MAX_DURATION", "PT3H")),
        Integer.parseInt(env.getOrDefault("CHAOS_KILLS_PER_SERVICE", "3")),
        Integer.parseInt(env.getOrDefault("CHAOS_STOPS_PER_SERVICE", "1")),
        java.util.Set.of(
            env.getOrDefault(
                    "CHAOS_STOP_SERVICES",
                    "referral-service,responsibility-service,notification-service")
                .split(",")),
        Integer.parseInt(env.getOrDefault("CHAOS_BROKER_KILLS", "2")),
        Integer.parseInt(env.getOrDefault("CHAOS_DATABASE_STOPS", "2")),
        env.getOrDefault("REFERRAL_URL", "http://127.0.0.1:8081"),
        env.getOrDefault("RESPONSIBILITY_URL", "http://127.0.0.1:8082"),
        env.getOrDefault("STAFET_ISSUER_URL", "http://127.0.0.1:8085"),
        env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
        Path.of(env.getOrDefault("CHAOS_RUN_FILE", ".stafet/chaos/run.json")));
  }

  String describe() {
    return "letters="
        + letters
        + " seed="
        + seed
        + " workers="
        + workers
        + " invalid="
        + invalidShare
        + " duplicates="
        + duplicateShare
        + " http="
        + httpShare
        + " ack-timeout="
        + ackTimeout.toSeconds()
        + "s kills/service="
        + killsPerService
        + " stops/service="
        + stopsPerService
        + " "
        + new java.util.TreeSet<>(stopServices)
        + " broker-kills="
        + brokerKills
        + " database-stops="
        + databaseStops;
  }
}
