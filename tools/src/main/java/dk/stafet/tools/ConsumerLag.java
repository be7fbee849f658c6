package dk.stafet.tools;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each consumer group is behind the end of its topics: committed offsets against the end
 * offsets (the chaos checker's "no lag", the end-to-end benchmark's lag at the end).
 */
public final class ConsumerLag {

  private ConsumerLag() {}

  /** Lag per consumer group, leaving out the groups whose id starts with {@code skipPrefix}. */
  public static Map<String, Long> byGroup(String bootstrap, String skipPrefix)
      throws InterruptedException, ExecutionException {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    Map<String, Long> lag = new TreeMap<>();
    try (Admin admin = Admin.create(p)) {
      for (GroupListing group :
          admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
        if (group.groupId().startsWith(skipPrefix)) {
          continue;
        }
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        long n = 0;
        for (var e : committed.entrySet()) {
          if (e.getValue() != null && ends.containsKey(e.getKey())) {
            n += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
          }
        }
        lag.put(group.groupId(), n);
      }
    }
    return lag;
  }
}
