package dev.herald.officialaccount;

import java.util.List;

/**
 * What an import did: either saved everything (created and updated counts) or nothing
 * (problems by line).
 */
record ImportResult(int created, int updated, List<AccountCsv.Problem> problems) {

	boolean saved() {
		return this.problems.isEmpty();
	}

}
