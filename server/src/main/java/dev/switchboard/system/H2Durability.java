package dev.switchboard.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Makes a commit reach the H2 file before the request that made it is answered. By default H2
 * writes committed changes in the background ({@code WRITE_DELAY}, 500 ms): a server killed right
 * after acknowledging a choice lost the choice, and a just-declared incident could vanish whole.
 * Incidents are few and every event matters, so H2 writes at commit. Other databases are left
 * alone.
 */
@Component
class H2Durability implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(H2Durability.class);

	private final DataSource dataSource;

	H2Durability(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET WRITE_DELAY 0");
			}
			catch (SQLException ex) {
				log.warn("H2 keeps its write delay ({}): changes committed just before a crash may be lost",
						ex.getMessage());
			}
		}
	}
}
