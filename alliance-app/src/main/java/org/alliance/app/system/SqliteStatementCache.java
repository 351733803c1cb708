package org.alliance.app.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Prepared statements kept per SQLite connection. The SQLite driver compiles every {@code prepareStatement} anew
 * (2–10 µs a statement, measured on the submit path's statements) and the pool does not keep them, so a check-in's
 * nine statements spent more time being compiled than the raw program spends on its four writes. Here a statement
 * that is closed goes back, its parameters cleared, to its connection's list for that SQL text, and the next
 * {@code prepareStatement} of the same text gets it again. A statement still in use is never handed out twice: a
 * second open one of the same text is compiled anew. Only {@code prepareStatement(String)} is cached (the variants
 * with generated keys, result-set types and column lists are passed on as they are). The physical connection's close
 * closes its kept statements. PostgreSQL's driver keeps server-side prepared statements itself and is not wrapped.
 */
final class SqliteStatementCache {

    /** SQL texts kept per connection; the least recently used is closed beyond that. */
    private static final int TEXTS_PER_CONNECTION = 200;

    /** Kept statements per SQL text (a query run while the same query iterates needs two). */
    private static final int STATEMENTS_PER_TEXT = 2;

    private SqliteStatementCache() {}

    /** A data source whose connections keep their prepared statements (for the pool to draw its connections from). */
    static DataSource wrap(DataSource physical) {
        return (DataSource) Proxy.newProxyInstance(
                SqliteStatementCache.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
                    Object result = call(physical, m, args);
                    return result instanceof Connection c && m.getName().equals("getConnection") ? caching(c) : result;
                });
    }

    static Connection caching(Connection physical) {
        return (Connection) Proxy.newProxyInstance(
                SqliteStatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new CachingConnection(physical));
    }

    /** Calls {@code m} on {@code target}, unwrapping the reflection wrapper of what it throws. */
    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class CachingConnection implements InvocationHandler {
        private final Connection physical;
        private final LinkedHashMap<String, Deque<PreparedStatement>> free = new LinkedHashMap<>(64, 0.75f, true);

        CachingConnection(Connection physical) {
            this.physical = physical;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "prepareStatement" -> {
                    if (args.length == 1) {
                        return prepare((String) args[0], proxy);
                    }
                }
                case "close" -> {
                    closeKept();
                }
                case "unwrap" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                }
                default -> {
                    // passed on below
                }
            }
            return call(physical, m, args);
        }

        private synchronized PreparedStatement prepare(String sql, Object connection) throws SQLException {
            Deque<PreparedStatement> kept = free.get(sql);
            PreparedStatement statement = kept == null || kept.isEmpty() ? null : kept.pop();
            if (statement == null) {
                statement = physical.prepareStatement(sql);
            }
            return kept(sql, statement, (Connection) connection);
        }

        /**
         * The statement as the caller sees it: its close closes the result sets it gave out (as closing a statement
         * does) and hands it back instead of closing it.
         */
        private PreparedStatement kept(String sql, PreparedStatement statement, Connection connection) {
            boolean[] closed = {false};
            List<ResultSet> results = new ArrayList<>(1);
            return (PreparedStatement) Proxy.newProxyInstance(
                    SqliteStatementCache.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "close" -> {
                            if (!closed[0]) {
                                closed[0] = true;
                                handBack(sql, statement, results);
                            }
                            yield null;
                        }
                        case "isClosed" -> closed[0];
                        case "getConnection" -> connection;
                        default -> {
                            if (closed[0]) {
                                throw new SQLException("statement is closed");
                            }
                            Object result = call(statement, m, args);
                            if (result instanceof ResultSet rs) {
                                results.add(rs);
                            }
                            yield result;
                        }
                    });
        }

        private synchronized void handBack(String sql, PreparedStatement statement, List<ResultSet> results)
                throws SQLException {
            if (physical.isClosed()) {
                return;
            }
            try {
                for (ResultSet rs : results) {
                    rs.close();
                }
                statement.clearParameters();
                statement.clearBatch();
            } catch (SQLException e) {
                statement.close();
                return;
            }
            Deque<PreparedStatement> kept = free.computeIfAbsent(sql, s -> new ArrayDeque<>());
            if (kept.size() >= STATEMENTS_PER_TEXT) {
                statement.close();
                return;
            }
            kept.push(statement);
            if (free.size() > TEXTS_PER_CONNECTION) {
                Map.Entry<String, Deque<PreparedStatement>> eldest =
                        free.entrySet().iterator().next();
                free.remove(eldest.getKey());
                for (PreparedStatement old : eldest.getValue()) {
                    old.close();
                }
            }
        }

        private synchronized void closeKept() {
            List<PreparedStatement> all = new ArrayList<>();
            free.values().forEach(all::addAll);
            free.clear();
            for (PreparedStatement statement : all) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // the connection closes next; its statements go with it
                }
            }
        }
    }
}
