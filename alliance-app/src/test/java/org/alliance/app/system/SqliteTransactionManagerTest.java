package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two transactions at once on one SQLite file. With SQLite's busy timeout at 0 the second BEGIN IMMEDIATE fails at
 * once unless something else makes it wait, so these tests see whether the wait happens in the server.
 */
class SqliteTransactionManagerTest {

    @TempDir
    Path folder;

    private HikariDataSource dataSource;
    private JdbcClient jdbc;

    @BeforeEach
    void openDatabase() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:sqlite:" + folder.resolve("queue.db")
                + "?journal_mode=WAL&busy_timeout=0&transaction_mode=IMMEDIATE");
        dataSource.setMaximumPoolSize(2);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE entry (writer TEXT NOT NULL)").update();
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
    }

    /**
     * A transaction that writes {@code first} and keeps the write lock until {@code letFinish} counts down; returned
     * once it holds the lock.
     */
    private CompletableFuture<Void> firstHoldingTheLock(TransactionTemplate transactions, CountDownLatch letFinish)
            throws InterruptedException {
        CountDownLatch holdsTheLock = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO entry (writer) VALUES ('first')").update();
            holdsTheLock.countDown();
            await(letFinish);
        }));
        assertThat(holdsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    @Test
    void aSecondTransactionWaitsForTheFirstInsteadOfFindingTheDatabaseBusy() throws Exception {
        SqliteTransactionManager manager = new SqliteTransactionManager(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(manager);
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        CompletableFuture<Void> first = firstHoldingTheLock(transactions, letFirstFinish);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status ->
                jdbc.sql("INSERT INTO entry (writer) VALUES ('second')").update()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (manager.waiting() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(manager.waiting()).as("the second transaction queues").isEqualTo(1);
        assertThat(second).isNotDone();

        letFirstFinish.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(jdbc.sql("SELECT writer FROM entry ORDER BY rowid")
                        .query(String.class)
                        .list())
                .containsExactly("first", "second");
    }

    @Test
    void withoutTheQueueTheSecondTransactionFindsTheDatabaseBusy() throws Exception {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        CompletableFuture<Void> first = firstHoldingTheLock(transactions, letFirstFinish);
        try {
            assertThatThrownBy(() -> transactions.executeWithoutResult(
                            status -> jdbc.sql("INSERT INTO entry (writer) VALUES ('second')")
                                    .update()))
                    .hasStackTraceContaining("SQLITE_BUSY");
        } finally {
            letFirstFinish.countDown();
            first.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFailedTransactionLetsTheNextOneIn() throws Exception {
        SqliteTransactionManager manager = new SqliteTransactionManager(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(manager);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    jdbc.sql("INSERT INTO entry (writer) VALUES ('rolled back')")
                            .update();
                    throw new IllegalStateException("something went wrong");
                }))
                .hasMessage("something went wrong");
        CompletableFuture<Void> next = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                status -> jdbc.sql("INSERT INTO entry (writer) VALUES ('next')").update()));
        next.get(30, TimeUnit.SECONDS);
        assertThat(jdbc.sql("SELECT writer FROM entry").query(String.class).list())
                .containsExactly("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
