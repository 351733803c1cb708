// Database helper for the web benchmark (run.sh). A single-file Java program, run with the JDBC drivers on the
// class path:  java -cp sqlite-jdbc.jar:postgresql.jar bench/web/BenchDb.java <command> <jdbc-url> ...
//
//   issue <url> <count> <file>      issues <count> check-in invitations (alliance-client, 72 h) for existing
//                                   meetings, the way the application does (256-bit random token, only its
//                                   SHA-256 stored), and writes the tokens to <file>, one a line.
//   raw <url> <count> <threads>     the raw insert rate: <count> transactions that each do what a stored
//                                   submission writes (consume an invitation, one check_in row, twelve answer
//                                   rows in one statement, one audit_log row), committed one by one over <threads> connections
//                                   with the URL's durability settings; prints transactions per second.
//   count <url> <sql>               prints the single number a query returns.
//
// The invitations for "raw" are issued before the clock starts. No code of the application is used: this is
// plain JDBC, so it is the ceiling the application's submit endpoint could reach on the same database.
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

public class BenchDb {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String[] ITEMS = {
        "bond-1", "bond-2", "bond-3", "bond-4", "tasks-1", "tasks-2", "tasks-3", "tasks-4",
        "goals-1", "goals-2", "goals-3", "goals-4"
    };

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "issue" -> issue(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            case "raw" -> raw(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "count" -> {
                try (Connection c = DriverManager.getConnection(args[1]);
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(args[2])) {
                    rs.next();
                    System.out.println(rs.getLong(1));
                }
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Issues invitations in one transaction; returns their ids and writes the tokens. */
    static List<Long> issueInvitations(Connection c, int count, List<String> tokens) throws Exception {
        List<long[]> meetings = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, professional_id FROM meeting ORDER BY id")) {
            while (rs.next()) {
                meetings.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        if (meetings.isEmpty()) {
            throw new IllegalStateException("no meetings: start the demo first");
        }
        long now = System.currentTimeMillis();
        List<Long> ids = new ArrayList<>();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(
                """
                INSERT INTO check_in_invitation (meeting_id, instrument_id, token_hash, short_code_hash, created_by,
                                                 created_at, expires_at)
                VALUES (?, 'alliance-client', ?, ?, ?, ?, ?) RETURNING id""")) {
            for (int i = 0; i < count; i++) {
                long[] meeting = meetings.get(i % meetings.size());
                String token = token();
                insert.setLong(1, meeting[0]);
                insert.setString(2, sha256(token));
                // The short code is not used by the benchmark; a unique random hash keeps the constraint happy.
                insert.setString(3, sha256("code-" + token()));
                insert.setLong(4, meeting[1]);
                insert.setLong(5, now);
                insert.setLong(6, now + 72L * 3600 * 1000);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
                tokens.add(token);
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return ids;
    }

    static void issue(String url, int count, Path file) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            issueInvitations(c, count, tokens);
        }
        Files.write(file, tokens);
        System.out.println("issued " + count + " invitations into " + file);
    }

    static void raw(String url, int count, int threads) throws Exception {
        List<Long> invitations;
        try (Connection c = DriverManager.getConnection(url)) {
            invitations = issueInvitations(c, count, new ArrayList<>());
        }
        String run = Long.toString(System.nanoTime(), 36);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    c.setAutoCommit(false);
                    PreparedStatement consume = c.prepareStatement(
                            "UPDATE check_in_invitation SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL");
                    PreparedStatement checkIn = c.prepareStatement(
                            """
                            INSERT INTO check_in (meeting_id, client_id, invitation_id, instrument_id,
                                                  instrument_version, perspective, language, release_choice,
                                                  idempotency_key, submitted_at, released_at)
                            SELECT i.meeting_id, m.client_id, i.id, 'alliance-client', '1.0.0', 'client', 'nl', 'NOW',
                                   ?, ?, ?
                            FROM check_in_invitation i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = ?
                            RETURNING id""");
                    // All twelve answers in one multi-row statement, as the application writes them.
                    StringBuilder answers = new StringBuilder("INSERT INTO answer (check_in_id, item_id, numeric_value) VALUES ");
                    for (int k = 0; k < ITEMS.length; k++) {
                        answers.append(k == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
                    }
                    PreparedStatement answer = c.prepareStatement(answers.toString());
                    PreparedStatement audit = c.prepareStatement(
                            "INSERT INTO audit_log (at, actor, action, subject) VALUES (?, 'client', 'raw insert', ?)");
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long invitation = invitations.get(i);
                        long now = System.currentTimeMillis();
                        consume.setLong(1, now);
                        consume.setLong(2, invitation);
                        consume.executeUpdate();
                        checkIn.setString(1, "raw-" + run + "-" + i);
                        checkIn.setLong(2, now);
                        checkIn.setLong(3, now);
                        checkIn.setLong(4, invitation);
                        long id;
                        try (ResultSet rs = checkIn.executeQuery()) {
                            rs.next();
                            id = rs.getLong(1);
                        }
                        for (int k = 0; k < ITEMS.length; k++) {
                            answer.setLong(3 * k + 1, id);
                            answer.setString(3 * k + 2, ITEMS[k]);
                            answer.setDouble(3 * k + 3, 4.0);
                        }
                        answer.executeUpdate();
                        audit.setLong(1, now);
                        audit.setString(2, "invitation " + invitation);
                        audit.executeUpdate();
                        c.commit();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw: %d transactions over %d connection(s) in %.2f s = %.0f per second%n",
                count, threads, seconds, count / seconds);
    }
}
