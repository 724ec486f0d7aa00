import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Dead-letter tool of the bench, run as a single-file program on the Kafka client jars:
 * <pre>
 * java -cp 'deploy/stack/target/kafka/libs/*' DlqTool.java poison  BOOTSTRAP TOPIC          → prints the event id
 * java -cp … DlqTool.java await   BOOTSTRAP DLQ ID SECONDS                                 → prints the reason
 * java -cp … DlqTool.java replay  BOOTSTRAP DLQ [--id ID] [--fix 'COMMAND'] [--dry-run]
 * </pre>
 * {@code replay} reads the dead-letter topic from the beginning to its current end, keeps the records whose value
 * contains ID (all when no --id), pipes each value through COMMAND (a shell filter such as a {@code jq} or
 * {@code sed} program that repairs it; unchanged without --fix) and publishes the result, with the record's key and
 * its headers except the dead-letter ones, to the topic it came from ({@code dead-letter-topic} header), with an
 * idempotent producer and acks=all. Consumers skip events they already applied, so replaying twice is harmless.
 */
public final class DlqTool {

    private DlqTool() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "poison" -> poison(args[1], args[2]);
            case "await" -> await(args[1], args[2], args[3], Integer.parseInt(args[4]));
            case "replay" -> replay(args);
            default -> throw new IllegalArgumentException("poison | await | replay");
        }
    }

    /** An event whose envelope is valid CloudEvents but whose data breaks the schema: personId is not a UUID. */
    private static void poison(String bootstrap, String topic) throws Exception {
        String id = UUID.randomUUID().toString();
        String value = """
                {"specversion":"1.0","id":"%s","source":"/liudong/registry-service",\
                "type":"liudong.registry.person-registered.v1","subject":"not-a-uuid","time":"%s",\
                "datacontenttype":"application/json","county":"620821",\
                "data":{"personId":"not-a-uuid","county":"620821","sex":"X","birthYear":"unknown"}}"""
                .formatted(id, Instant.now());
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, "bench-poison-" + id, value);
            record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        System.out.println(id);
    }

    private static void await(String bootstrap, String dlq, String id, int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer, dlq);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().contains(id)) {
                        System.out.println(header(record, "dead-letter-reason"));
                        return;
                    }
                }
            }
        }
        System.out.println("NOT FOUND");
        System.exit(1);
    }

    private static void replay(String[] args) throws Exception {
        String bootstrap = args[1];
        String dlq = args[2];
        String id = null;
        String fix = null;
        boolean dryRun = false;
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--id" -> id = args[++i];
                case "--fix" -> fix = args[++i];
                case "--dry-run" -> dryRun = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int replayed = 0;
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap);
             KafkaProducer<String, String> producer = producer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer, dlq);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!reached(consumer, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (ends.get(new TopicPartition(record.topic(), record.partition())) <= record.offset()) {
                        continue;
                    }
                    if (id != null && (record.value() == null || !record.value().contains(id))) {
                        continue;
                    }
                    String target = header(record, "dead-letter-topic");
                    if (target == null) {
                        System.err.printf("skipped %s-%d@%d: no dead-letter-topic header%n", record.topic(),
                                record.partition(), record.offset());
                        continue;
                    }
                    String value = fix == null ? record.value() : filter(fix, record.value());
                    System.out.printf("%s %s-%d@%d -> %s (reason: %s)%n", dryRun ? "would replay" : "replayed",
                            record.topic(), record.partition(), record.offset(), target,
                            header(record, "dead-letter-reason"));
                    if (!dryRun) {
                        ProducerRecord<String, String> out = new ProducerRecord<>(target, record.key(), value);
                        for (Header header : record.headers()) {
                            if (!header.key().startsWith("dead-letter")) {
                                out.headers().add(header);
                            }
                        }
                        producer.send(out).get(30, TimeUnit.SECONDS);
                    }
                    replayed++;
                }
            }
        }
        System.out.println(replayed + " record(s)");
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static String filter(String command, String value) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(value.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream stdout = process.getInputStream()) {
            stdout.transferTo(out);
        }
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("--fix command failed: " + command);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        return partitions;
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }
}
