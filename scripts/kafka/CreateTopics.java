import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the topics that do not exist yet on the local broker, with its defaults, as production
 * declares them up front (deploy/'s KafkaTopics): {@code ./stafet up} runs it with the broker's own
 * jars ({@code java -cp 'lib/*' CreateTopics.java BOOTSTRAP TOPIC...}), so a recipient's first
 * message never waits for the topic's auto-creation.
 */
public class CreateTopics {

  public static void main(String[] args) throws Exception {
    Map<String, Object> settings = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    try (Admin admin = Admin.create(settings)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          List.of(args).subList(1, args.length).stream()
              .distinct()
              .filter(name -> !existing.contains(name))
              .map(name -> new NewTopic(name, Optional.empty(), Optional.empty()))
              .toList();
      admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      System.out.println("created " + missing.size() + " topic(s)");
    }
  }
}
