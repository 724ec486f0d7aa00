import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the platform published about some persons, for the fault test's reconciliation; a single-file program on the
 * Kafka client jars:
 * <pre>
 * java -cp 'deploy/stack/target/kafka/libs/*' EventCount.java BOOTSTRAP KEYS_FILE TOPIC...
 * </pre>
 * Reads each topic from its start to its current end and, for the records whose key (the person id, as every
 * producer keys its events) is a line of KEYS_FILE, counts the distinct CloudEvent ids per event type and the records.
 * More records than ids are redeliveries of the at-least-once relay, which consumers skip. Prints one line per
 * topic and type: {@code TOPIC TYPE EVENTS RECORDS}.
 */
public final class EventCount {

    /** The envelope's own id and type: the first of each in a structured-mode CloudEvent as the services write it. */
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    private EventCount() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Set<String> keys = new HashSet<>(Files.readAllLines(Path.of(args[1])));
        Map<String, Set<String>> ids = new TreeMap<>();
        Map<String, Integer> records = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            for (int t = 2; t < args.length; t++) {
                String topic = args[t];
                List<TopicPartition> partitions = new ArrayList<>();
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (!reached(consumer, ends)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("could not read " + topic + " to its end within 5 minutes");
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.key() == null || record.value() == null || !keys.contains(record.key())) {
                            continue;
                        }
                        String type = first(TYPE, record.value());
                        String key = topic + " " + type;
                        ids.computeIfAbsent(key, k -> new HashSet<>()).add(first(ID, record.value()));
                        records.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        ids.forEach((key, events) -> System.out.println(key + " " + events.size() + " " + records.get(key)));
    }

    private static String first(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }
}
