package org.alliance.app.system;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database: SQLite in a file by default (its folder is created on start), PostgreSQL when
 * {@code --db-url}/{@code SPRING_DATASOURCE_URL} names one. Everything else uses {@code JdbcClient} with portable
 * SQL.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean
    DataSource dataSource(DataSourceProperties properties) {
        String url = properties.determineUrl();
        boolean sqlite = url != null && url.startsWith("jdbc:sqlite:");
        if (sqlite) {
            createFolderOf(url);
        }
        HikariDataSource dataSource = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        dataSource.setPoolName("alliance");
        if (sqlite) {
            // One writer at a time is all SQLite allows; a small pool keeps readers concurrent under WAL.
            dataSource.setMaximumPoolSize(4);
            // The pool draws its connections through the statement cache (the driver compiles every statement anew).
            dataSource.setDataSource(SqliteStatementCache.wrap(new DriverManagerDataSource(url)));
        }
        return dataSource;
    }

    /** On SQLite, transactions queue in the server for the single write lock (see {@link SqliteTransactionManager}). */
    @Bean
    DataSourceTransactionManager transactionManager(DataSource dataSource, DataSourceProperties properties) {
        String url = properties.determineUrl();
        return url != null && url.startsWith("jdbc:sqlite:")
                ? new SqliteTransactionManager(dataSource)
                : new DataSourceTransactionManager(dataSource);
    }

    /** The one migration set, with this database's placeholders (see {@link Migrations}). */
    @Bean
    FlywayConfigurationCustomizer migrationPlaceholders(DataSourceProperties properties) {
        Migrations.Vendor vendor = Migrations.Vendor.ofUrl(properties.determineUrl());
        return configuration -> Migrations.configure(configuration, vendor);
    }

    /** Takes over databases migrated by the former per-vendor scripts, then migrates as usual. */
    @Bean
    FlywayMigrationStrategy migrationStrategy(DataSourceProperties properties) {
        Migrations.Vendor vendor = Migrations.Vendor.ofUrl(properties.determineUrl());
        return flyway -> Migrations.migrate(flyway, vendor);
    }

    /**
     * SQLite's constraint errors as Spring's, as PostgreSQL's are ({@link SqliteConstraints}), on the application's
     * {@code JdbcTemplate} and so on its {@code JdbcClient}.
     */
    @Bean
    static BeanPostProcessor sqliteConstraints() {
        return SqliteConstraints.postProcessor();
    }

    @Bean
    TransactionTemplate transactionTemplate(DataSourceTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /** The folder of a SQLite file URL such as {@code jdbc:sqlite:./data/alliance.db?journal_mode=WAL}. */
    static void createFolderOf(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + parent, e);
        }
    }
}
