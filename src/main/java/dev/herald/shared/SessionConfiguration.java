package dev.herald.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC). Two requests of one session that
 * store the same attribute at once (a double-click, two tabs, a retry) would both insert
 * it and one would fail on the primary key; PostgreSQL's upsert lets the later one win.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
