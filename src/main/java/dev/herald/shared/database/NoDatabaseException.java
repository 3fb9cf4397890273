package dev.herald.shared.database;

/**
 * Herald was started without a datasource URL by a build without the embedded PostgreSQL.
 */
class NoDatabaseException extends IllegalStateException {

	NoDatabaseException() {
		super("No database: SPRING_DATASOURCE_URL is not set and this build has no embedded PostgreSQL");
	}

}
