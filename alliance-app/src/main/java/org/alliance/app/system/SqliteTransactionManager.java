package org.alliance.app.system;

import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Transactions on SQLite, queued in the server instead of in SQLite. SQLite has one writer at a time, and our
 * transactions begin IMMEDIATE (they take the write lock at BEGIN). A second transaction that finds the lock taken
 * is put to sleep by SQLite's busy handler for 1, 2, 5, 10, … ms and then tries again, so under load most of the
 * waiting is oversleeping. Here every transaction first takes a fair lock in the JVM: the next one starts the moment
 * the previous one ends, in arrival order. SQLite's busy timeout still covers other processes on the same file
 * (several servers, or the command line) and statements outside a transaction.
 */
final class SqliteTransactionManager extends DataSourceTransactionManager {

    private final ReentrantLock writer = new ReentrantLock(true);

    SqliteTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        writer.lock();
        try {
            super.doBegin(transaction, definition);
        } catch (RuntimeException | Error e) {
            writer.unlock();
            throw e;
        }
    }

    /** How many transactions wait for the one that runs (for tests). */
    int waiting() {
        return writer.getQueueLength();
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            if (writer.isHeldByCurrentThread()) {
                writer.unlock();
            }
        }
    }
}
