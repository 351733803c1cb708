package org.alliance.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStatementCacheTest {

    private static final String ALL = "SELECT n FROM t ORDER BY n";

    @TempDir
    Path folder;

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = SqliteStatementCache.caching(
                DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("cache.db") + "?journal_mode=WAL"));
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("CREATE TABLE t (n INTEGER PRIMARY KEY)");
            s.executeUpdate("INSERT INTO t VALUES (1), (2), (3)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static PreparedStatement physical(PreparedStatement statement) throws SQLException {
        return statement.unwrap(PreparedStatement.class);
    }

    private static List<Integer> numbers(ResultSet rs) throws SQLException {
        List<Integer> numbers = new ArrayList<>();
        while (rs.next()) {
            numbers.add(rs.getInt(1));
        }
        return numbers;
    }

    @Test
    void theSameSqlGetsTheStatementCompiledBeforeOnceItIsClosed() throws SQLException {
        PreparedStatement first = connection.prepareStatement(ALL);
        PreparedStatement compiled = physical(first);
        first.close();

        try (PreparedStatement again = connection.prepareStatement(ALL)) {
            assertThat(physical(again)).isSameAs(compiled);
            assertThat(numbers(again.executeQuery())).containsExactly(1, 2, 3);
        }
        try (PreparedStatement other = connection.prepareStatement("SELECT n FROM t WHERE n > 1")) {
            assertThat(physical(other)).isNotSameAs(compiled);
        }
    }

    @Test
    void aStatementInUseIsNeverHandedOutTwice() throws SQLException {
        try (PreparedStatement outer = connection.prepareStatement(ALL);
                ResultSet rows = outer.executeQuery()) {
            List<List<Integer>> inner = new ArrayList<>();
            while (rows.next()) {
                try (PreparedStatement nested = connection.prepareStatement(ALL)) {
                    assertThat(physical(nested)).isNotSameAs(physical(outer));
                    inner.add(numbers(nested.executeQuery()));
                }
            }
            assertThat(inner).containsExactly(List.of(1, 2, 3), List.of(1, 2, 3), List.of(1, 2, 3));
        }
    }

    @Test
    void aReusedStatementKeepsNoParameterOfItsLastUse() throws SQLException {
        try (PreparedStatement first = connection.prepareStatement("SELECT ?")) {
            first.setInt(1, 5);
            try (ResultSet rs = first.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(5);
            }
        }
        try (PreparedStatement again = connection.prepareStatement("SELECT ?");
                ResultSet rs = again.executeQuery()) {
            rs.next();
            assertThat(rs.getObject(1)).as("an unbound parameter is NULL").isNull();
        }
    }

    @Test
    void closingAStatementClosesItsResultSetAndItsNextUseStartsAtTheFirstRow() throws SQLException {
        PreparedStatement first = connection.prepareStatement(ALL);
        ResultSet rs = first.executeQuery();
        rs.next();
        first.close();

        assertThat(rs.isClosed()).isTrue();
        assertThatThrownBy(first::executeQuery).isInstanceOf(SQLException.class);
        try (PreparedStatement again = connection.prepareStatement(ALL)) {
            assertThat(numbers(again.executeQuery())).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aStatementThatFailedWorksWhenItComesBack() throws SQLException {
        String insert = "INSERT INTO t VALUES (?)";
        try (PreparedStatement duplicate = connection.prepareStatement(insert)) {
            duplicate.setInt(1, 2);
            assertThatThrownBy(duplicate::executeUpdate).isInstanceOf(SQLException.class);
        }
        try (PreparedStatement again = connection.prepareStatement(insert)) {
            again.setInt(1, 4);
            assertThat(again.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement all = connection.prepareStatement(ALL)) {
            assertThat(numbers(all.executeQuery())).containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void closingTheConnectionClosesTheStatementsItKept() throws SQLException {
        PreparedStatement statement = connection.prepareStatement(ALL);
        PreparedStatement compiled = physical(statement);
        statement.close();
        assertThat(compiled.isClosed()).as("kept, not closed").isFalse();

        connection.close();

        assertThat(compiled.isClosed()).isTrue();
    }
}
