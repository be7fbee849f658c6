package dk.stafet.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.stafet.contracts.events.Topics;
import dk.stafet.contracts.medcom.MedcomCodec;
import dk.stafet.contracts.medcom.MedcomMessage;
import dk.stafet.tools.demo.SyntheticCpr;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Measures the front door of a running Stafet (./stafet up): messages per second and p50/p99
 * latency
 *
 * <ul>
 *   <li>through HTTP {@code $process-message} (request to acknowledgement), and
 *   <li>through Kafka {@code medcom.inbound.<sender GLN>} to the published course event on {@code
 *       stafet.course-events}.
 * </ul>
 *
 * Each message is MedCom's STIN example with a new Bundle.id, MessageHeader.id and episode-of-care
 * id, so every one is processed in full (validation, storage, outbox, event), and for a new
 * synthetic patient (CPR number): the same patient admitted thousands of times at one instant is
 * not a realistic history, and it left the local run's ledger working through that one patient long
 * after the benchmark (docs/performance.md). Usage: {@code java -cp ...
 * dk.stafet.benchmark.FrontDoorBenchmark <STIN example> [messages] [concurrency]}.
 */
public final class FrontDoorBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SOURCE_MESSAGE_ID =
      Pattern.compile("\"sourceMessageId\":\"([^\"]+)\"");

  private FrontDoorBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path example = Path.of(args[0]);
    int messages = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    String baseUrl = System.getProperty("stafet.url", "http://127.0.0.1:8081");
    String bootstrap = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092");
    String template = Files.readString(example);
    // The front door takes messages from token holders only: the example's sender gets one from the
    // development issuer.
    authorization =
        "Bearer "
            + senderToken(
                System.getProperty("stafet.issuer.url", "http://127.0.0.1:8085"),
                System.getProperty("stafet.sender.sor", "265161000016000"));

    System.out.printf(
        "Stafet front-door benchmark, %s, %d cores, Java %s%n",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    warmUp(baseUrl, template, Math.min(100, messages));
    report(
        "HTTP $process-message -> acknowledgement", http(baseUrl, template, messages, concurrency));
    report(
        "Kafka medcom.inbound.<sender GLN> -> course event published",
        kafka(bootstrap, template, messages));
  }

  private static String authorization;

  /** {@code POST <issuer>/token organisation=<SOR>}: the sender's access token. */
  private static String senderToken(String issuer, String sor) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(issuer + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("organisation=" + sor))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the token issuer answered " + response.statusCode() + ": " + response.body());
    }
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(response.body())
        .path("access_token")
        .asText();
  }

  private static void warmUp(String baseUrl, String template, int count) throws Exception {
    http(baseUrl, template, count, 2);
  }

  private static Result http(String baseUrl, String template, int messages, int concurrency)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<Long>> latencies = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < messages; i++) {
      String body = freshMessage(template).body();
      latencies.add(
          pool.submit(
              () -> {
                HttpRequest request =
                    HttpRequest.newBuilder(URI.create(baseUrl + "/fhir/$process-message"))
                        .header("Content-Type", "application/fhir+json")
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                long sent = System.nanoTime();
                HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                  throw new IllegalStateException("HTTP " + response.statusCode());
                }
                return System.nanoTime() - sent;
              }));
    }
    List<Long> nanos = new ArrayList<>();
    for (Future<Long> latency : latencies) {
      nanos.add(latency.get());
    }
    long elapsed = System.nanoTime() - started;
    pool.shutdown();
    return new Result(messages, elapsed, nanos);
  }

  private static Result kafka(String bootstrap, String template, int messages) throws Exception {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    // The sender's own topic, as its system would write it (docs/security.md).
    String inbound =
        Topics.inboundFrom(
            new MedcomMessage(new MedcomCodec().parse(template, (String) null))
                .sender()
                .orElseThrow()
                .gln());
    try (KafkaConsumer<String, String> consumer = consumer(bootstrap);
        KafkaProducer<String, String> producer = producer(bootstrap)) {
      consumer.subscribe(List.of("stafet.course-events"));
      while (consumer.assignment().isEmpty()) {
        consumer.poll(Duration.ofMillis(100));
      }
      consumer.seekToEnd(consumer.assignment());
      consumer.assignment().forEach(consumer::position);
      long started = System.nanoTime();
      for (int i = 0; i < messages; i++) {
        Fresh fresh = freshMessage(template);
        sentAt.put(fresh.messageHeaderId(), System.nanoTime());
        producer.send(new ProducerRecord<>(inbound, fresh.messageHeaderId(), fresh.body()));
      }
      producer.flush();
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (nanos.size() < messages && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          Matcher matcher = SOURCE_MESSAGE_ID.matcher(record.value());
          if (matcher.find()) {
            Long sent = sentAt.remove(matcher.group(1));
            if (sent != null) {
              nanos.add(System.nanoTime() - sent);
            }
          }
        }
      }
      return new Result(messages, System.nanoTime() - started, new ArrayList<>(nanos));
    }
  }

  private record Fresh(String messageHeaderId, String body) {}

  private static Fresh freshMessage(String template) throws Exception {
    ObjectNode bundle = (ObjectNode) JSON.readTree(template);
    String headerId = UUID.randomUUID().toString();
    bundle.put("id", UUID.randomUUID().toString());
    for (JsonNode entry : bundle.withArray("entry")) {
      ObjectNode resource = (ObjectNode) entry.get("resource");
      switch (resource.path("resourceType").asText()) {
        case "MessageHeader" -> {
          resource.put("id", headerId);
          ((ObjectNode) entry)
              .put("fullUrl", "MessageHeader/" + headerId); // fullUrl and id must agree
        }
        case "Provenance" ->
            resource
                .withArray("target")
                .forEach(t -> ((ObjectNode) t).put("reference", "MessageHeader/" + headerId));
        case "Patient" ->
            resource
                .withArray("identifier")
                .forEach(i -> ((ObjectNode) i).put("value", syntheticCpr()));
        case "Encounter" ->
            resource
                .withArray("episodeOfCare")
                .forEach(
                    e ->
                        ((ObjectNode) e.with("identifier"))
                            .put("value", UUID.randomUUID().toString()));
        default -> {}
      }
    }
    String body = JSON.writeValueAsString(bundle);
    return new Fresh(headerId, body);
  }

  /** The CPR number of a synthetic patient born 1930–1999 (the demo traffic's generator). */
  private static String syntheticCpr() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return SyntheticCpr.generate(
        LocalDate.of(1930, 1, 1).plusDays(random.nextInt(70 * 365)), random.nextBoolean(), random);
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "stafet-benchmark-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  private record Result(int messages, long elapsedNanos, List<Long> latencies) {}

  private static void report(String name, Result result) {
    List<Long> sorted = new ArrayList<>(result.latencies());
    Collections.sort(sorted);
    double seconds = result.elapsedNanos() / 1e9;
    System.out.printf(
        "%-50s %5d/%d messages in %6.2f s = %7.1f msg/s, p50 %6.1f ms, p99 %6.1f ms%n",
        name,
        sorted.size(),
        result.messages(),
        seconds,
        sorted.size() / seconds,
        percentile(sorted, 50),
        percentile(sorted, 99));
  }

  private static double percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
