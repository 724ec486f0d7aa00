package org.liudong.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * No secret is committed: every file {@code git ls-files} lists is searched for private keys, AWS keys, literal
 * passwords in configuration files, ID-number keys and JDBC URLs with passwords. The only credentials allowed are the
 * public demo ones ({@code demo}) of the demo realm and of the documentation that explains them.
 */
class CommittedSecretsTest {

    /** Written in pieces so this file does not match itself. */
    private static final String DASHES = "-".repeat(5);

    private static final List<Rule> RULES = List.of(
            new Rule("a private key", Pattern.compile(DASHES + "BEGIN ([A-Z0-9]+ )*PRIVATE KEY" + DASHES), any()),
            new Rule("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"), any()),
            new Rule("an AWS secret access key",
                    Pattern.compile("(?i)aws_?secret_?access_?key\\s*[=:]\\s*[\"']?[A-Za-z0-9/+]{40}"), any()),
            new Rule("a literal password in configuration",
                    Pattern.compile("(?im)^[ \\t]*[\\w.\\-\\[\\]\"]*(password|passwd|secret)[\\w\\-\"]*[ \\t]*[=:][ \\t]*"
                            + "(?![\"']?\\$\\{)[\"']?([^\\s\"'#]+)"),
                    path -> path.matches(".*\\.(properties|ya?ml|env|conf|cfg|ini)$")),
            new Rule("an ID-number key", Pattern.compile("(?i)(liudong\\.crypto\\.[\\w.-]+|LIUDONG_CRYPTO_\\w+)"
                    + "\\s*[=:]\\s*[\"']?[A-Za-z0-9+/]{43}="), any()),
            new Rule("a JDBC URL with a password",
                    Pattern.compile("(?i)jdbc:[a-z0-9]+:(//[^/\\s\"'@:]+:[^@\\s\"'$]+@|[^\\s\"']*[?&;]password=(?!\\$)[^&\\s\"';]+)"),
                    any()));

    @Test
    void noTrackedFileHoldsASecret() {
        Path root = Repository.root();
        List<String> findings = new ArrayList<>();
        for (String file : Repository.trackedFiles()) {
            String text = textOf(root.resolve(file));
            if (text != null) {
                findings.addAll(scan(file, text));
            }
        }
        assertThat(findings).as("secrets in tracked files").isEmpty();
    }

    @Test
    void theDemoRealmHoldsOnlyThePublicDemoCredentials() {
        JsonPath realm = JsonPath.from(Repository.read(Repository.REALM));
        assertThat(realm.getList("clients.findAll { it.secret != null }.secret", String.class)).containsOnly("demo");
        assertThat(realm.getList("users.credentials.flatten().value", String.class)).isNotEmpty().containsOnly("demo");
    }

    @Test
    void theScanFindsEachKindOfSecret() {
        String key = "dGhpcyBpcyBub3QgYSBrZXkgYnV0IGxvb2tzIGxpa2Ux" .substring(0, 43) + "=";
        assertThat(scan("a.pem", DASHES + "BEGIN RSA PRIVATE KEY" + DASHES + "\nMIIE")).hasSize(1);
        assertThat(scan("a.pem", DASHES + "BEGIN PRIVATE KEY" + DASHES)).hasSize(1);
        assertThat(scan("a.sh", "export KEY=AKIA" + "ABCDEFGHIJKLMNOP")).hasSize(1);
        assertThat(scan("application.properties", "quarkus.datasource.pass" + "word=s3cr3t")).hasSize(1);
        assertThat(scan("application.yaml", "  pass" + "word: \"hunter2\"")).hasSize(1);
        assertThat(scan("a.properties", "liudong.crypto.id-number-key=" + key)).hasSize(1);
        assertThat(scan("a.env", "LIUDONG_CRYPTO_ID_INDEX_KEY=" + key)).hasSize(1);
        assertThat(scan("Db.java", "\"jdbc:postgresql://db/x?user=a&pass" + "word=s3cr3t\"")).hasSize(1);
        assertThat(scan("Db.java", "\"jdbc:postgresql://a:" + "s3cr3t@db/x\"")).hasSize(1);
    }

    @Test
    void placeholdersAndEnvironmentReferencesAreNoSecrets() {
        assertThat(scan("application.properties", "quarkus.datasource.pass" + "word=${DB_PASSWORD}")).isEmpty();
        assertThat(scan("application.properties", "%prod.quarkus.datasource.pass" + "word=")).isEmpty();
        assertThat(scan("README.md", "curl -d pass" + "word=demo")).isEmpty();
        assertThat(scan("Db.java", "\"jdbc:postgresql://127.0.0.1:5432/liudong_registry\"")).isEmpty();
    }

    private static List<String> scan(String file, String text) {
        List<String> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            if (!rule.appliesTo().test(file)) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(text);
            while (matcher.find()) {
                int line = (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
                findings.add(file + ":" + line + " " + rule.what());
            }
        }
        return findings;
    }

    /** The text of a file, or null for binary files (a NUL byte) and files too large to be configuration. */
    private static String textOf(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 5_000_000) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.function.Predicate<String> any() {
        return path -> true;
    }

    private record Rule(String what, Pattern pattern, java.util.function.Predicate<String> appliesTo) {
    }
}
