package dev.herald.shared.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to do when Herald has no database, instead of a stack trace. */
class NoDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseException cause) {
		return new FailureAnalysis(
				"Herald has no database. SPRING_DATASOURCE_URL is not set, and this build (the Docker image, "
						+ "built with -Pimage) does not carry the embedded PostgreSQL that Herald starts otherwise.",
				"Set SPRING_DATASOURCE_URL (and SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD) to a "
						+ "PostgreSQL 17 database, or run a jar built without -Pimage to use the embedded one.",
				cause);
	}

}
