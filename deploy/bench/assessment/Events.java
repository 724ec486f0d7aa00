import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events of the assessment bench, run as a single-file program on the Kafka client and PostgreSQL driver jars:
 * <pre>
 * java -cp 'deploy/stack/target/lib/*' Events.java publish BOOTSTRAP COUNT SEED
 *     COUNT events on registry.events and migration.events as fast as the broker takes them
 * java -cp … Events.java steady BOOTSTRAP RATE SECONDS SEED JDBC_URL USER PASSWORD SAMPLE_EVERY
 *     RATE events/s for SECONDS; every SAMPLE_EVERY-th event is followed until its id is committed in the
 *     assessment database's projection.processed_event (same transaction as the projection rows), polled every 10 ms
 * java -cp … Events.java sample COUNT SEED FILE    the first COUNT events, one CloudEvent per line (schema check)
 * java -cp … Events.java lag BOOTSTRAP GROUP        records of both topics the consumer group has not committed yet
 * </pre>
 * The events are a seeded story: households registered with their members, the odd correction, and moves of the
 * registered persons from their county to another — the departure, later the matched arrival, then the settlement
 * (one in ten departures never arrives) — across 240 counties of 12 provinces. {@code publish} spreads them over
 * the twelve months before the current one; {@code steady} stamps them with the current time. Envelopes are
 * CloudEvents 1.0 in structured mode with the producers' extensions, keyed by person id (household id for
 * household events), exactly as the services' outboxes publish them.
 */
public final class Events {

    static final String REGISTRY_TOPIC = "registry.events";
    static final String MIGRATION_TOPIC = "migration.events";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String[] REASONS = {"WORK", "WORK", "WORK", "BUSINESS", "STUDY", "FAMILY", "MARRIAGE", "OTHER"};
    private static final String[] RELATIONS = {"SPOUSE", "CHILD", "CHILD", "PARENT", "GRANDCHILD", "SIBLING", "OTHER"};
    private static final String[] CORRECTED = {"name", "phone", "address"};

    private Events() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "publish" -> publish(args[1], Long.parseLong(args[2]), Long.parseLong(args[3]));
            case "steady" -> steady(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]),
                    args[5], args[6], args[7], Integer.parseInt(args[8]));
            case "sample" -> sample(Integer.parseInt(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
            case "lag" -> System.out.println(lag(args[1], args[2]));
            default -> throw new IllegalArgumentException("publish | steady | sample | lag");
        }
    }

    // ------------------------------------------------------------------------------------------------ the story

    record Event(String topic, String key, String id, String value) {
    }

    record Person(String id, String householdId, String county, String sex, int birthYear, String idIndex,
                  String relation) {
    }

    record Step(long due, int kind, Person person, String moveId, String destination, String reason,
                LocalDate departedOn, LocalDate arrivedOn) {
    }

    /** Seeded: the same seed gives the same events (but for the clock of {@code steady}). */
    static final class Story {
        private final Random random;
        private final List<String> counties = new ArrayList<>();
        private final Person[] persons = new Person[200_000];
        private final ArrayDeque<Event> ready = new ArrayDeque<>();
        private final PriorityQueue<Step> later = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
        private final Instant from;
        private final long stepMillis;
        private int personCount;
        private long index;

        /** Events stamped from {@code from} on, {@code stepMillis} apart; {@code stepMillis} 0 stamps them now. */
        Story(long seed, Instant from, long stepMillis) {
            this.random = new Random(seed);
            this.from = from;
            this.stepMillis = stepMillis;
            Random places = new Random(20_251_129L);
            int[] provinces = {11, 31, 32, 33, 35, 37, 41, 44, 51, 61, 62, 65};
            for (int province : provinces) {
                int first = counties.size();
                while (counties.size() < first + 20) {
                    String county = String.format("%02d%02d%02d", province, 1 + places.nextInt(12), 1 + places.nextInt(28));
                    if (!counties.contains(county)) {
                        counties.add(county);
                    }
                }
            }
            counties.set(0, "620821");
            counties.set(1, "440305");
        }

        Event next() {
            while (ready.isEmpty()) {
                index++;
                Instant at = stepMillis == 0 ? Instant.now() : from.plusMillis(index * stepMillis);
                if (!later.isEmpty() && later.peek().due <= index) {
                    step(later.poll(), at);
                    continue;
                }
                double roll = random.nextDouble();
                if (roll < 0.36 || personCount < 1000) {
                    household(at);
                } else if (roll < 0.40) {
                    corrected(at);
                } else {
                    departure(at);
                }
            }
            return ready.poll();
        }

        private void household(Instant at) {
            String householdId = uuid();
            String county = random.nextDouble() < 0.1 ? counties.get(random.nextInt(2)) : county();
            int members = 1 + random.nextInt(4);
            ready.add(registry("household-registered", householdId, county, at, "\"householdId\":\"" + householdId
                    + "\",\"householdNumber\":\"" + county + String.format("%08d", random.nextInt(100_000_000))
                    + "\",\"county\":\"" + county + "\",\"township\":\"" + county + String.format("%03d", 1 + random.nextInt(20))
                    + "\",\"memberCount\":" + members));
            for (int m = 0; m < members; m++) {
                Person person = new Person(uuid(), householdId, county, random.nextBoolean() ? "M" : "F",
                        1935 + random.nextInt(90), hex64(), m == 0 ? "HEAD" : RELATIONS[random.nextInt(RELATIONS.length)]);
                persons[personCount++ % persons.length] = person;
                ready.add(registry("person-registered", person.id, county, at, personFields(person)));
            }
        }

        private void corrected(Instant at) {
            Person person = anyPerson();
            ready.add(registry("person-corrected", person.id, person.county, at, personFields(person)
                    + ",\"fields\":[\"" + CORRECTED[random.nextInt(CORRECTED.length)] + "\"]"));
        }

        private void departure(Instant at) {
            Person person = anyPerson();
            String destination = county();
            while (destination.equals(person.county)) {
                destination = county();
            }
            LocalDate today = LocalDate.ofInstant(at, ZONE);
            LocalDate departedOn = today.minusDays(random.nextInt(random.nextDouble() < 0.8 ? 7 : 20));
            Step departure = new Step(index, 0, person, uuid(), destination, REASONS[random.nextInt(REASONS.length)],
                    departedOn, null);
            ready.add(migration(departure, "departure-registered", "ANNOUNCED", at,
                    ",\"departedOn\":\"" + departedOn + "\",\"registeredOn\":\"" + today + "\""));
            if (random.nextDouble() < 0.9) {
                // the arrival comes later in the stream: a few hundred to a few thousand events on
                later.add(new Step(index + 200 + random.nextInt(5000), 1, person, departure.moveId, destination,
                        departure.reason, departedOn, null));
            }
        }

        private void step(Step step, Instant at) {
            LocalDate today = LocalDate.ofInstant(at, ZONE);
            if (step.kind == 1) {
                LocalDate arrivedOn = today.isBefore(step.departedOn) ? step.departedOn : today;
                ready.add(migration(step, "arrival-registered", "SETTLED", at,
                        ",\"arrivedOn\":\"" + arrivedOn + "\",\"matched\":true"));
                later.add(new Step(index + 1 + random.nextInt(50), 2, step.person, step.moveId, step.destination,
                        step.reason, step.departedOn, arrivedOn));
            } else {
                ready.add(migration(step, "move-settled", "SETTLED", at,
                        ",\"departedOn\":\"" + step.departedOn + "\",\"arrivedOn\":\"" + step.arrivedOn + "\""));
            }
        }

        private Person anyPerson() {
            return persons[random.nextInt(Math.min(personCount, persons.length))];
        }

        private String county() {
            return counties.get(random.nextInt(counties.size()));
        }

        private static String personFields(Person p) {
            return "\"personId\":\"" + p.id + "\",\"county\":\"" + p.county + "\",\"sex\":\"" + p.sex + "\",\"birthYear\":"
                    + p.birthYear + ",\"idIndex\":\"" + p.idIndex + "\",\"householdId\":\"" + p.householdId
                    + "\",\"relation\":\"" + p.relation + "\",\"status\":\"ACTIVE\"";
        }

        private Event registry(String name, String subject, String county, Instant at, String fields) {
            String id = uuid();
            String type = "liudong.registry." + name + ".v1";
            return new Event(REGISTRY_TOPIC, subject, id, envelope(id, "/liudong/registry-service", type, subject, at,
                    "\"county\":\"" + county + "\"", fields + ",\"occurredAt\":\"" + at + "\""));
        }

        private Event migration(Step move, String name, String status, Instant at, String fields) {
            String id = uuid();
            String type = "liudong.migration." + name + ".v1";
            Person p = move.person;
            String data = "\"moveId\":\"" + move.moveId + "\",\"personId\":\"" + p.id + "\",\"idIndex\":\"" + p.idIndex
                    + "\",\"originCounty\":\"" + p.county + "\",\"destinationCounty\":\"" + move.destination
                    + "\",\"reason\":\"" + move.reason + "\",\"sex\":\"" + p.sex + "\",\"birthYear\":" + p.birthYear
                    + ",\"status\":\"" + status + "\",\"occurredAt\":\"" + at + "\"" + fields;
            return new Event(MIGRATION_TOPIC, p.id, id, envelope(id, "/liudong/migration-service", type, move.moveId, at,
                    "\"origincounty\":\"" + p.county + "\",\"destcounty\":\"" + move.destination + "\"", data));
        }

        private static String envelope(String id, String source, String type, String subject, Instant at,
                                       String extensions, String data) {
            return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type
                    + "\",\"subject\":\"" + subject + "\",\"time\":\"" + at + "\",\"datacontenttype\":\"application/json\","
                    + "\"dataschema\":\"urn:liudong:schema:" + type + "\"," + extensions + ",\"data\":{" + data + "}}";
        }

        private String uuid() {
            long high = (random.nextLong() & ~0xF000L) | 0x4000L;
            long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low).toString();
        }

        private String hex64() {
            return String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(),
                    random.nextLong());
        }
    }

    /** Twelve months up to the start of the current one, in Asia/Shanghai. */
    static Story history(long seed, long count) {
        LocalDate thisMonth = LocalDate.now(ZONE).withDayOfMonth(1);
        Instant from = thisMonth.minusMonths(12).atStartOfDay(ZONE).toInstant();
        long span = ChronoUnit.MILLIS.between(from, thisMonth.atStartOfDay(ZONE).toInstant());
        return new Story(seed, from, Math.max(1, span / (count + 1)));
    }

    // ------------------------------------------------------------------------------------------------ modes

    private static KafkaProducer<String, String> producer(String bootstrap, boolean bulk) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, bulk ? "20" : "0");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, bulk ? "262144" : "16384");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, "67108864");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static ProducerRecord<String, String> record(Event event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.key, event.value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static void publish(String bootstrap, long count, long seed) throws Exception {
        Story story = history(seed, count);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Map<String, Long> perTopic = new HashMap<>();
        long began = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(bootstrap, true)) {
            for (long i = 1; i <= count; i++) {
                Event event = story.next();
                perTopic.merge(event.topic, 1L, Long::sum);
                producer.send(record(event), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                if (i % 100_000 == 0) {
                    System.err.printf("  %d events published%n", i);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("published events=%d registry=%d migration=%d seconds=%.1f events_per_s=%.0f%n", count,
                perTopic.getOrDefault(REGISTRY_TOPIC, 0L), perTopic.getOrDefault(MIGRATION_TOPIC, 0L), seconds,
                count / seconds);
    }

    private static void sample(int count, long seed, Path file) throws Exception {
        Story story = history(seed, 1_000_000);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int i = 0; i < count; i++) {
                out.println(story.next().value);
            }
        }
    }

    /** Sum over both topics of end offset minus the group's committed offset (a partition never committed counts whole). */
    private static long lag(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : List.of(REGISTRY_TOPIC, MIGRATION_TOPIC)) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        }
    }

    private static void steady(String bootstrap, int rate, int seconds, long seed, String jdbcUrl, String user,
                               String password, int sampleEvery) throws Exception {
        Story story = new Story(seed, Instant.EPOCH, 0);
        Map<UUID, Long> published = new ConcurrentHashMap<>(); // sampled id → nanoTime of the broker's ack
        List<Long> delays = new ArrayList<>();
        AtomicLong acked = new AtomicLong();
        AtomicLong sampled = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        long total = (long) rate * seconds;
        CompletableFuture<Void> allSent = new CompletableFuture<>();
        CompletableFuture<Void> allFollowed = new CompletableFuture<>();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
             KafkaProducer<String, String> producer = producer(bootstrap, false)) {
            PreparedStatement seen = db.prepareStatement(
                    "select event_id from projection.processed_event where event_id = any(?)");
            long began = System.nanoTime();
            // every millisecond, the events due by then: the schedule, not the pace of sending, sets the rate
            clock.scheduleAtFixedRate(() -> {
                if (allSent.isDone()) {
                    return;
                }
                try {
                    long due = Math.min(total, (System.nanoTime() - began) * rate / 1_000_000_000L);
                    while (sent.get() < due) {
                        send(producer, story.next(), sent.getAndIncrement() % sampleEvery == 0, sampled, acked,
                                published, allSent);
                    }
                    if (sent.get() == total) {
                        producer.flush();
                        allSent.complete(null);
                    }
                } catch (RuntimeException e) {
                    allSent.completeExceptionally(e);
                }
            }, 0, 1, TimeUnit.MILLISECONDS);
            // every 10 ms, which sampled events the projection has committed; done once all are, or 30 s after the
            // last was sent
            long[] quietUntil = {Long.MAX_VALUE};
            clock.scheduleWithFixedDelay(() -> {
                try {
                    recordCommitted(db, seen, published, delays);
                    if (allSent.isDone() && quietUntil[0] == Long.MAX_VALUE) {
                        quietUntil[0] = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    }
                    if (allSent.isDone() && (published.isEmpty() || System.nanoTime() > quietUntil[0])) {
                        allFollowed.complete(null);
                    }
                } catch (Exception e) {
                    allFollowed.completeExceptionally(e);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            allSent.get();
            double took = (System.nanoTime() - began) / 1e9;
            allFollowed.get();
            long[] ms;
            synchronized (delays) {
                ms = delays.stream().mapToLong(d -> d / 1_000_000).sorted().toArray();
            }
            System.out.printf("steady target_rate=%d sent=%d seconds=%.1f rate_reached=%.0f acked=%d sampled=%d reflected=%d "
                            + "not_reflected_after_30s=%d delay_ms p50=%d p90=%d p99=%d max=%d%n",
                    rate, sent.get(), took, sent.get() / took, acked.get(), sampled.get(), ms.length, published.size(),
                    percentile(ms, 50), percentile(ms, 90), percentile(ms, 99), ms.length == 0 ? -1 : ms[ms.length - 1]);
        } finally {
            clock.shutdownNow();
        }
    }

    /** Sends one event; a sampled one is followed from the broker's acknowledgement on. */
    private static void send(KafkaProducer<String, String> producer, Event event, boolean sample, AtomicLong sampled,
                             AtomicLong acked, Map<UUID, Long> published, CompletableFuture<Void> failed) {
        if (sample) {
            sampled.incrementAndGet();
        }
        UUID id = UUID.fromString(event.id);
        producer.send(record(event), (metadata, e) -> {
            if (e != null) {
                failed.completeExceptionally(e);
                return;
            }
            acked.incrementAndGet();
            if (sample) {
                published.put(id, System.nanoTime());
            }
        });
    }

    /** Takes the sampled events the projection has committed off {@code published}, with their delays. */
    private static void recordCommitted(Connection db, PreparedStatement seen, Map<UUID, Long> published,
                                        List<Long> delays) throws Exception {
        Collection<UUID> waiting = new ArrayList<>(published.keySet());
        if (waiting.isEmpty()) {
            return;
        }
        Array ids = db.createArrayOf("uuid", waiting.toArray());
        seen.setArray(1, ids);
        try (ResultSet rows = seen.executeQuery()) {
            long now = System.nanoTime();
            while (rows.next()) {
                Long at = published.remove((UUID) rows.getObject(1));
                if (at != null) {
                    synchronized (delays) {
                        delays.add(now - at);
                    }
                }
            }
        }
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
