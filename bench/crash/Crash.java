// Client of the crash test (run.sh). A single-file Java program:
//
//   java Crash.java submit <base-url> <tokens-file> <threads> <acked-file>
//       submits one check-in per token (POST /c/{token}, idempotency key "crash-<n>"), <threads> at a time, the way a
//       phone retries: a connection that is refused, reset or times out is tried again with the same token and the
//       same key until the server answers. A 302 to /c/thanks is an acknowledged answer: its key is appended to
//       <acked-file> (flushed at once). Prints what it sent, acknowledged, retried and what was refused.
//   java -cp <jdbc drivers> Crash.java verify <jdbc-url> <acked-file>
//       compares: acknowledged keys, stored check-ins with a crash key, acknowledged but not stored (lost),
//       keys stored twice (duplicates), and invitations consumed without a check-in.
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public class Crash {

    public static void main(String[] args) throws Exception {
        if (args.length >= 5 && args[0].equals("submit")) {
            submit(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
        } else if (args.length >= 3 && args[0].equals("verify")) {
            verify(args[1], Path.of(args[2]));
        } else {
            System.err.println("usage: Crash submit <base-url> <tokens> <threads> <acked> | verify <jdbc-url> <acked>");
            System.exit(2);
        }
    }

    static void submit(String base, Path tokensFile, int threads, Path ackedFile) throws Exception {
        List<String> tokens = Files.readAllLines(tokensFile);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        StringBuilder answers = new StringBuilder("release=NOW");
        for (String scale : new String[] {"bond", "tasks", "goals"}) {
            for (int i = 1; i <= 4; i++) {
                answers.append("&item-").append(scale).append('-').append(i).append("=4");
            }
        }
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(ackedFile))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < tokens.size(); n = next.getAndIncrement()) {
                        String key = "crash-" + n;
                        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/c/" + tokens.get(n)))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("idempotencyKey=" + key + "&" + answers))
                                .build();
                        while (true) {
                            try {
                                HttpResponse<Void> response = http.send(post, HttpResponse.BodyHandlers.discarding());
                                String location = response.headers().firstValue("Location").orElse("");
                                if (response.statusCode() == 302 && location.endsWith("/c/thanks")) {
                                    acked.incrementAndGet();
                                    synchronized (out) {
                                        out.println(key);
                                        out.flush();
                                    }
                                } else if (response.statusCode() >= 500) {
                                    // A server starting up or going down: try again.
                                    retries.incrementAndGet();
                                    Thread.sleep(200);
                                    continue;
                                } else {
                                    refused.incrementAndGet();
                                    System.err.println(key + ": HTTP " + response.statusCode() + " " + location);
                                }
                                break;
                            } catch (IOException e) {
                                retries.incrementAndGet();
                                Thread.sleep(200);
                            }
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.MINUTES);
        }
        System.out.printf("sent %d, acknowledged %d, retries after a failed connection %d, refused %d%n",
                tokens.size(), acked.get(), retries.get(), refused.get());
    }

    static void verify(String url, Path ackedFile) throws Exception {
        Set<String> acked = new HashSet<>(Files.readAllLines(ackedFile));
        Set<String> stored = new HashSet<>();
        int rows = 0;
        long orphans;
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT idempotency_key FROM check_in WHERE idempotency_key LIKE 'crash-%'")) {
                while (r.next()) {
                    stored.add(r.getString(1));
                    rows++;
                }
            }
            try (ResultSet r = s.executeQuery(
                    "SELECT COUNT(*) FROM check_in_invitation i WHERE consumed_at IS NOT NULL"
                            + " AND NOT EXISTS (SELECT 1 FROM check_in c WHERE c.invitation_id = i.id)")) {
                r.next();
                orphans = r.getLong(1);
            }
        }
        Set<String> lost = new HashSet<>(acked);
        lost.removeAll(stored);
        System.out.printf(
                "acknowledged %d, stored %d, lost (acknowledged, not stored) %d, duplicates %d,"
                        + " invitations used without a check-in %d%n",
                acked.size(), stored.size(), lost.size(), rows - stored.size(), orphans);
        if (!lost.isEmpty() || rows != stored.size() || orphans > 0) {
            System.exit(1);
        }
    }
}
