package org.liudong.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.liudong.stack.ProcessControl.Owner;
import org.liudong.stack.ProcessControl.Recorded;

/**
 * PostgreSQL for the stack, in this order of preference: the server named by configuration
 * ({@code liudong.pg.admin-url}, {@code -user}, {@code -password}) when reachable; the machine's Debian cluster on
 * the configured port (started with {@code pg_ctlcluster} when down); a private cluster under
 * {@code deploy/.local/postgres} made with {@code initdb}. Creates one role and database per service.
 */
public final class Postgres {

    public static final String COMPONENT = "postgres";

    private static final System.Logger LOG = System.getLogger(Postgres.class.getName());
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Path DEBIAN_SOCKETS = Path.of("/var/run/postgresql");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final String KEYS_MARK = "liudong ID-number keys ";

    private final StackSettings settings;
    private final StackPaths paths;
    private final ProcessControl processes;
    private Admin admin;

    public Postgres(StackSettings settings, StackPaths paths) {
        this.settings = settings;
        this.paths = paths;
        this.processes = new ProcessControl(paths);
    }

    /** Makes sure a server is up and this class can administer it; starts one (recorded as {@code owner}) if not. */
    public void ensureRunning(Owner owner) {
        Optional<Admin> configured = configuredServer();
        if (configured.isPresent()) {
            admin = configured.get();
            return;
        }
        Optional<DebianCluster> debian = DebianCluster.onPort(settings.postgresPort());
        if (ProcessControl.isPortOpen(settings.host(), settings.postgresPort())) {
            admin = runningLocalCluster(debian).orElseThrow(() -> new IllegalStateException("A server listens on "
                    + settings.host() + ":" + settings.postgresPort() + " but it is not a cluster of this machine"
                    + " that the stack can administer; set LIUDONG_PG_ADMIN_URL, LIUDONG_PG_ADMIN_USER and"
                    + " LIUDONG_PG_ADMIN_PASSWORD, or choose another port with LIUDONG_PG_PORT"));
            return;
        }
        if (debian.isPresent()) {
            startDebianCluster(debian.get(), owner);
        } else {
            startPrivateCluster(owner);
        }
        processes.awaitReady(COMPONENT, "connections on port " + settings.postgresPort(),
                () -> ProcessControl.isPortOpen(settings.host(), settings.postgresPort()), settings.startTimeout());
    }

    /**
     * Creates the role (or resets its password, so the generated password always matches) and the database it owns,
     * marked with the fingerprint of the ID-number keys its records are written with.
     * <p>
     * The databases live in the machine's cluster, the keys in each checkout's {@code deploy/.local}: a second
     * checkout, or one whose {@code deploy/.local} was removed, has new keys. With a database written under the old
     * ones it would fail every list that decrypts an ID number and find nobody by ID number, and resetting the role's
     * password would lock out the stack that made it. Such a database is refused, and left as it is.
     */
    public void ensureDatabase(String role, String password, String database, String keysFingerprint,
                               Path secretsFile) {
        requireIdentifier(role);
        requireIdentifier(database);
        if (!password.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("Generated passwords are letters and digits only");
        }
        if (!keysFingerprint.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("A keys fingerprint is hex digits");
        }
        Admin sql = admin();
        Optional<String> comment = databaseComment(sql, database);
        String mark = KEYS_MARK + keysFingerprint;
        Optional<String> otherKeys = comment.filter(text -> text.startsWith(KEYS_MARK) && !text.equals(mark));
        if (otherKeys.isPresent()) {
            throw new IllegalStateException("Database " + database + " holds records written with other ID-number"
                    + " keys (" + otherKeys.get().substring(KEYS_MARK.length()) + ") than this stack's ("
                    + keysFingerprint + ", in " + secretsFile + "): another checkout, or an earlier "
                    + secretsFile.getParent() + ", made it. Use the secrets.properties of the stack that made it,"
                    + " or drop the platform's databases to start from empty ones (deploy/README.md, \"Keys and"
                    + " databases\")");
        }
        sql.execute("DO $$ BEGIN"
                + " IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "')"
                + " THEN ALTER ROLE " + role + " WITH LOGIN PASSWORD '" + password + "';"
                + " ELSE CREATE ROLE " + role + " WITH LOGIN PASSWORD '" + password + "'; END IF; END $$");
        if (comment.isEmpty()) {
            sql.execute("CREATE DATABASE " + database + " OWNER " + role + " ENCODING 'UTF8'");
        }
        if (!comment.equals(Optional.of(mark))) {
            // A database from before the mark existed is adopted: which keys wrote it cannot be told. A configured
            // administrator that is neither superuser nor the database's owner cannot mark it; the guard is then off.
            sql.execute("DO $$ BEGIN EXECUTE 'COMMENT ON DATABASE " + database + " IS ''" + mark + "''';"
                    + " EXCEPTION WHEN insufficient_privilege THEN NULL; END $$");
        }
    }

    /** The database's comment ("" if it has none), or empty if there is no such database. */
    private static Optional<String> databaseComment(Admin sql, String database) {
        String found = "found:";
        return sql.query("SELECT '" + found + "' || coalesce(shobj_description(oid, 'pg_database'), '')"
                        + " FROM pg_database WHERE datname = '" + database + "'").stream()
                .findFirst()
                .map(row -> row.substring(found.length()).strip());
    }

    /** Whether the server in use (the configured one, else the local one) accepts connections. */
    public boolean isListening() {
        return settings.postgresAdminUrl().map(Postgres::hostAndPort)
                .map(address -> ProcessControl.isPortOpen(address[0], Integer.parseInt(address[1])))
                .orElseGet(() -> ProcessControl.isPortOpen(settings.host(), settings.postgresPort()));
    }

    private static String[] hostAndPort(String jdbcUrl) {
        String authority = jdbcUrl.replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1");
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? new String[] {authority, "5432"} : new String[] {authority.substring(0, colon), authority.substring(colon + 1)};
    }

    /** The JDBC URL of a database on the server in use. */
    public String jdbcUrl(String database) {
        return settings.postgresAdminUrl()
                .filter(url -> admin instanceof JdbcAdmin)
                .map(url -> url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database))
                .orElse(settings.jdbcUrl(database));
    }

    /** Stops the server if the stack started it; a server started by anyone else is left alone. */
    public boolean stop() {
        Optional<Recorded> recorded = processes.running(COMPONENT);
        if (recorded.isEmpty()) {
            processes.forget(COMPONENT);
            return false;
        }
        long pid = recorded.get().pid();
        try {
            if (isPrivateCluster(pid)) {
                ProcessControl.run(asClusterOwner(List.of(binary("pg_ctl"), "-D", privateData().toString(),
                        "-m", "fast", "-w", "stop")), Map.of(), COMMAND_TIMEOUT);
            } else {
                Optional<DebianCluster> debian = DebianCluster.onPort(settings.postgresPort()).filter(c -> c.online());
                if (debian.isPresent()) {
                    ProcessControl.run(List.of("pg_ctlcluster", debian.get().version(), debian.get().name(), "stop",
                            "-m", "fast"), Map.of(), COMMAND_TIMEOUT);
                }
            }
        } finally {
            recorded.get().process().ifPresent(process -> ProcessControl.terminate(process, Duration.ofSeconds(30)));
            processes.forget(COMPONENT);
        }
        return true;
    }

    private Admin admin() {
        if (admin == null) {
            throw new IllegalStateException("Call ensureRunning first");
        }
        return admin;
    }

    private Optional<Admin> configuredServer() {
        Optional<String> url = settings.postgresAdminUrl();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        JdbcAdmin configured = new JdbcAdmin(url.get(), settings.postgresAdminUser().orElse("postgres"),
                settings.postgresAdminPassword().orElse(""));
        try {
            configured.query("SELECT 1");
            return Optional.of(configured);
        } catch (IllegalStateException unreachable) {
            LOG.log(System.Logger.Level.WARNING, "The configured PostgreSQL server " + url.get()
                    + " is not reachable (" + unreachable.getMessage() + "); using a local one");
            return Optional.empty();
        }
    }

    private Optional<Admin> runningLocalCluster(Optional<DebianCluster> debian) {
        if (debian.isPresent() && debian.get().online()) {
            return Optional.of(PsqlAdmin.debian(debian.get()));
        }
        if (privateClusterPid().isPresent()) {
            return Optional.of(privateAdmin());
        }
        return Optional.empty();
    }

    private void startDebianCluster(DebianCluster cluster, Owner owner) {
        LOG.log(System.Logger.Level.INFO, "Starting PostgreSQL cluster " + cluster.version() + "/" + cluster.name());
        ProcessControl.run(List.of("pg_ctlcluster", cluster.version(), cluster.name(), "start"), Map.of(), COMMAND_TIMEOUT);
        recordPostmaster(cluster.dataDirectory(), owner);
        admin = PsqlAdmin.debian(cluster);
    }

    private void startPrivateCluster(Owner owner) {
        String initdb = binary("initdb");
        String pgCtl = binary("pg_ctl");
        Path data = privateData();
        Path sockets = privateSockets();
        Path log = processes.logFile(COMPONENT);
        try {
            Files.createDirectories(sockets);
            if (!Files.exists(log)) {
                Files.createFile(log);
            }
            giveToClusterOwner(paths.postgresCluster());
            giveToClusterOwner(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            LOG.log(System.Logger.Level.INFO, "Creating a private PostgreSQL cluster in " + data);
            ProcessControl.run(asClusterOwner(List.of(initdb, "-D", data.toString(), "-U", clusterSuperuser(),
                    "--auth-local=peer", "--auth-host=scram-sha-256", "--encoding=UTF8", "--no-locale")),
                    Map.of(), COMMAND_TIMEOUT);
        }
        String options = "-c listen_addresses=" + settings.host() + " -p " + settings.postgresPort() + " -k " + sockets;
        ProcessControl.run(asClusterOwner(List.of(pgCtl, "-D", data.toString(), "-l", log.toString(),
                "-o", options, "-w", "start")), Map.of(), COMMAND_TIMEOUT);
        recordPostmaster(data, owner);
        admin = privateAdmin();
    }

    private void recordPostmaster(Path dataDirectory, Owner owner) {
        String postmasterPid = ProcessControl.run(asClusterOwner(List.of("head", "-n", "1",
                dataDirectory.resolve("postmaster.pid").toString())), Map.of(), COMMAND_TIMEOUT).strip();
        long pid = Long.parseLong(postmasterPid);
        Instant started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).orElse(Instant.EPOCH);
        processes.record(new Recorded(COMPONENT, pid, started, owner));
    }

    private boolean isPrivateCluster(long pid) {
        return privateClusterPid().filter(running -> running == pid).isPresent();
    }

    /** The postmaster of the private cluster, when it runs. */
    private Optional<Long> privateClusterPid() {
        Path postmaster = privateData().resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(postmaster).get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | RuntimeException notRunning) {
            return Optional.empty();
        }
    }

    private PsqlAdmin privateAdmin() {
        return new PsqlAdmin(asClusterOwner(List.of()), clusterSuperuser(), privateSockets(), settings.postgresPort());
    }

    private Path privateData() {
        return paths.postgresCluster().resolve("data");
    }

    private Path privateSockets() {
        return paths.postgresCluster().resolve("run");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** initdb refuses to run as root, so as root the private cluster belongs to the postgres user. */
    private static String clusterSuperuser() {
        return isRoot() ? "postgres" : System.getProperty("user.name");
    }

    private static List<String> asClusterOwner(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void giveToClusterOwner(Path path) {
        if (isRoot()) {
            ProcessControl.run(List.of("chown", "-R", "postgres:postgres", path.toString()), Map.of(), COMMAND_TIMEOUT);
        }
    }

    /** A PostgreSQL server program, from the newest Debian installation or else the PATH. */
    private static String binary(String program) {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions
                        .map(version -> version.resolve("bin").resolve(program))
                        .filter(Files::isExecutable)
                        .max((a, b) -> Integer.compare(majorVersion(a), majorVersion(b)));
                if (newest.isPresent()) {
                    return newest.get().toString();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed (no " + program
                        + " found). Install the Debian package: apt-get install postgresql"));
    }

    private static int majorVersion(Path binary) {
        try {
            return Integer.parseInt(binary.getParent().getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
    }

    /** A Debian cluster as listed by {@code pg_lsclusters}. */
    record DebianCluster(String version, String name, int port, boolean online, Path dataDirectory) {

        static Optional<DebianCluster> onPort(int port) {
            if (!Files.isExecutable(Path.of("/usr/bin/pg_lsclusters"))) {
                return Optional.empty();
            }
            String listing = ProcessControl.run(List.of("pg_lsclusters", "--no-header"), Map.of(), COMMAND_TIMEOUT);
            return listing.lines()
                    .map(line -> line.trim().split("\\s+"))
                    .filter(columns -> columns.length >= 6)
                    .map(columns -> new DebianCluster(columns[0], columns[1], Integer.parseInt(columns[2]),
                            columns[3].startsWith("online"), Path.of(columns[5])))
                    .filter(cluster -> cluster.port() == port)
                    .findFirst();
        }
    }

    interface Admin {
        List<String> query(String sql);

        void execute(String sql);
    }

    /** SQL through psql on the server's Unix socket, as the cluster's superuser (peer authentication). */
    record PsqlAdmin(List<String> prefix, String superuser, Path sockets, int port) implements Admin {

        static PsqlAdmin debian(DebianCluster cluster) {
            List<String> prefix = isRoot() ? List.of("runuser", "-u", "postgres", "--") : List.of("sudo", "-n", "-u", "postgres");
            return new PsqlAdmin(prefix, "postgres", DEBIAN_SOCKETS, cluster.port());
        }

        @Override
        public List<String> query(String sql) {
            return run(sql).lines().filter(line -> !line.isBlank()).toList();
        }

        @Override
        public void execute(String sql) {
            run(sql);
        }

        private String run(String sql) {
            List<String> command = new ArrayList<>(prefix);
            command.addAll(List.of(binary("psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                    "-h", sockets.toString(), "-p", Integer.toString(port), "-U", superuser, "-d", "postgres",
                    "-c", sql));
            return ProcessControl.run(command, Map.of(), COMMAND_TIMEOUT);
        }
    }

    /** SQL over JDBC with the configured administrator's credentials. */
    record JdbcAdmin(String url, String user, String password) implements Admin {

        @Override
        public List<String> query(String sql) {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public void execute(String sql) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        private Connection connect() throws SQLException {
            DriverManager.setLoginTimeout(5);
            return DriverManager.getConnection(url, user, password);
        }
    }
}
