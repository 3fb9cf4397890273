package dev.herald.officialaccount;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Writes the rows of an account CSV in two statements whatever their number: one UPDATE
 * of the accounts the app has, one INSERT of the others, each fed by {@code unnest} of
 * column arrays. Entities one by one took minutes at 50,000 rows.
 */
@Component
class AccountImporter {

	private static final String ROWS = """
			unnest(?::text[], ?::text[], ?::bigint[], ?::boolean[], ?::text[])
			  as r(account_id, name, subscriber_count, test_account, tags)""";

	private final JdbcClient jdbc;

	AccountImporter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What was written.
	 *
	 * @param created how many accounts are new
	 * @param accounts every account of the file, as saved
	 */
	record Written(int created, List<OfficialAccountView> accounts) {

	}

	/** Runs inside the caller's transaction, so a failure saves nothing. */
	Written write(long chatAppId, List<AccountCsv.Row> rows, Instant now) {
		int size = rows.size();
		String[] ids = new String[size];
		String[] names = new String[size];
		Long[] subscribers = new Long[size];
		Boolean[] tests = new Boolean[size];
		// A row's tags as one text, comma-joined (tags hold no commas); null keeps them.
		String[] tags = new String[size];
		for (int i = 0; i < size; i++) {
			AccountCsv.Row row = rows.get(i);
			ids[i] = row.accountId();
			names[i] = row.name();
			subscribers[i] = row.subscriberCount();
			tests[i] = row.testAccount();
			List<String> rowTags = row.tags();
			tags[i] = (rowTags != null) ? String.join(",", rowTags) : null;
		}
		Timestamp at = Timestamp.from(now);
		List<Object> params = new ArrayList<>(List.of(new SqlArrayValue("text", (Object[]) ids),
				new SqlArrayValue("text", (Object[]) names), new SqlArrayValue("bigint", (Object[]) subscribers),
				new SqlArrayValue("boolean", (Object[]) tests), new SqlArrayValue("text", (Object[]) tags)));
		List<Object> update = new ArrayList<>(params);
		update.add(0, at);
		update.add(chatAppId);
		this.jdbc.sql("update official_account a set name = r.name,"
				+ " subscriber_count = coalesce(r.subscriber_count, a.subscriber_count), test_account = r.test_account,"
				+ " tags = coalesce(string_to_array(r.tags, ','), a.tags), updated_at = ?, version = a.version + 1"
				+ " from " + ROWS + " where a.chat_app_id = ? and a.account_id = r.account_id")
			.params(update)
			.update();
		List<Object> insert = new ArrayList<>();
		insert.add(chatAppId);
		insert.add(at);
		insert.add(at);
		insert.addAll(params);
		int created = this.jdbc
			.sql("insert into official_account"
					+ " (chat_app_id, account_id, name, subscriber_count, test_account, tags, created_at, updated_at)"
					+ " select ?, r.account_id, r.name, coalesce(r.subscriber_count, 0), r.test_account,"
					+ " coalesce(string_to_array(r.tags, ','), '{}'), ?, ? from " + ROWS
					+ " on conflict (chat_app_id, account_id) do nothing")
			.params(insert)
			.update();
		List<OfficialAccountView> accounts = this.jdbc
			.sql("select a.id, a.chat_app_id, a.account_id, a.name, a.subscriber_count, a.test_account, a.synced_at,"
					+ " a.tags, a.archived_at from official_account a"
					+ " where a.chat_app_id = ? and a.account_id = any(?::text[]) order by a.account_id")
			.params(chatAppId, new SqlArrayValue("text", (Object[]) ids))
			.query((rs, n) -> AccountSearch.view(rs))
			.list();
		return new Written(created, accounts);
	}

}
