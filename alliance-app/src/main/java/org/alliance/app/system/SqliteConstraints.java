package org.alliance.app.system;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one place where SQLite's constraint errors become Spring's, as PostgreSQL's already are: a violated UNIQUE or
 * PRIMARY KEY constraint is a {@link DuplicateKeyException} (PostgreSQL's SQL state 23505), any other violated
 * constraint (NOT NULL, FOREIGN KEY, CHECK, a trigger's refusal) a {@link DataIntegrityViolationException} (23xxx).
 * SQLite's driver reports these without an SQL state, so Spring's own translation gives only an uncategorised error
 * and every store had to recognise SQLite's code 19 by itself. Installed on the application's {@link JdbcTemplate}
 * (and so on its {@code JdbcClient}) by {@link DatabaseConfig}; everything else is left to Spring's usual translator.
 */
public final class SqliteConstraints implements SQLExceptionTranslator {

    private final SQLExceptionTranslator usual;

    private SqliteConstraints(SQLExceptionTranslator usual) {
        this.usual = usual;
    }

    /** The template, translating SQLite's constraint errors before its usual translator. */
    public static JdbcTemplate install(JdbcTemplate template) {
        if (!(template.getExceptionTranslator() instanceof SqliteConstraints)) {
            template.setExceptionTranslator(new SqliteConstraints(template.getExceptionTranslator()));
        }
        return template;
    }

    /** A {@link JdbcClient} on the data source with this translation (for code and tests outside Spring). */
    public static JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(install(new JdbcTemplate(dataSource)));
    }

    /** Installs the translation on every {@link JdbcTemplate} of the application context. */
    static BeanPostProcessor postProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcTemplate template ? install(template) : bean;
            }
        };
    }

    @Override
    public @Nullable DataAccessException translate(String task, @Nullable String sql, SQLException e) {
        if (e instanceof SQLiteException sqlite && isConstraint(sqlite)) {
            String message = task + (sql == null ? "" : " [" + sql + "]") + ": " + e.getMessage();
            return isDuplicateKey(sqlite)
                    ? new DuplicateKeyException(message, e)
                    : new DataIntegrityViolationException(message, e);
        }
        return usual.translate(task, sql, e);
    }

    private static boolean isConstraint(SQLiteException e) {
        return (e.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code;
    }

    private static boolean isDuplicateKey(SQLiteException e) {
        return switch (e.getResultCode()) {
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> true;
            // Without extended result codes the driver names only the primary code; the message still says which.
            case SQLITE_CONSTRAINT -> String.valueOf(e.getMessage()).contains("UNIQUE constraint failed");
            default -> false;
        };
    }
}
