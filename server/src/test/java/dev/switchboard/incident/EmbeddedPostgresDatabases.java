package dev.switchboard.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM (zonky's binaries from Maven Central, no Docker),
 * started on first use and stopped by zonky's shutdown hook when the JVM exits. Each caller
 * gets its own database, so test classes that share the server never see each other's rows.
 */
public final class EmbeddedPostgresDatabases {

	private static EmbeddedPostgres server;

	private EmbeddedPostgresDatabases() {
	}

	/** The JDBC URL of {@code database}, created empty on first request. */
	public static synchronized String jdbcUrl(String database) {
		if (!database.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("not a plain database name: " + database);
		}
		EmbeddedPostgres pg = server();
		try (Connection c = pg.getPostgresDatabase().getConnection();
				PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, database);
			try (ResultSet rs = exists.executeQuery()) {
				if (!rs.next()) {
					try (Statement create = c.createStatement()) {
						create.execute("CREATE DATABASE " + database);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create database " + database, ex);
		}
		return pg.getJdbcUrl("postgres", database);
	}

	private static EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("embedded PostgreSQL did not start", ex);
			}
		}
		return server;
	}
}
