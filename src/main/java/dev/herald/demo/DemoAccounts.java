package dev.herald.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * The Demo app's official accounts with their tags: news channels, stores in three
 * regions, members' channels. Written in one statement, as the CSV import writes them;
 * accounts that exist get the tags.
 */
@Component
class DemoAccounts {

	record Account(String id, String name, long subscribers, List<String> tags) {
	}

	static final List<Account> ALL = catalogue();

	private final JdbcClient jdbc;

	DemoAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param createdAt when new accounts were added
	 * @param now when existing accounts got their tags
	 */
	void write(long chatAppId, Instant createdAt, Instant now) {
		int size = ALL.size();
		String[] ids = new String[size];
		String[] names = new String[size];
		Long[] subscribers = new Long[size];
		String[] tags = new String[size];
		for (int i = 0; i < size; i++) {
			Account account = ALL.get(i);
			ids[i] = account.id();
			names[i] = account.name();
			subscribers[i] = account.subscribers();
			tags[i] = String.join(",", account.tags());
		}
		this.jdbc.sql("""
				insert into official_account (chat_app_id, account_id, name, subscriber_count, test_account, tags,
				                              created_at, updated_at)
				select ?, r.account_id, r.name, r.subscribers, false, string_to_array(r.tags, ','), ?, ?
				from unnest(?::text[], ?::text[], ?::bigint[], ?::text[]) as r(account_id, name, subscribers, tags)
				on conflict (chat_app_id, account_id) do update
				set tags = excluded.tags, updated_at = ?, version = official_account.version + 1""")
			.params(chatAppId, Timestamp.from(createdAt), Timestamp.from(createdAt),
					new SqlArrayValue("text", (Object[]) ids), new SqlArrayValue("text", (Object[]) names),
					new SqlArrayValue("bigint", (Object[]) subscribers), new SqlArrayValue("text", (Object[]) tags),
					Timestamp.from(now))
			.update();
	}

	private static List<Account> catalogue() {
		List<Account> all = new ArrayList<>();
		// The first start's accounts (DemoData) get their tags here.
		all.add(new Account("@TOA#_demo_news", "Demo News", 120_000, List.of("news")));
		all.add(new Account("@TOA#_demo_shop", "Demo Shop", 45_000, List.of("store", "deals")));
		all.add(new Account("@TOA#_demo_support", "Demo Support", 8_000, List.of("service")));
		String[][] news = { { "world", "World" }, { "business", "Business" }, { "tech", "Tech" },
				{ "sports", "Sports" }, { "culture", "Culture" }, { "travel", "Travel" }, { "health", "Health" },
				{ "science", "Science" }, { "weather", "Weather" }, { "local", "Local" } };
		for (int i = 0; i < news.length; i++) {
			all.add(new Account("@TOA#_demo_news_" + news[i][0], "Demo News " + news[i][1], 20_000 + 7_300L * i,
					List.of("news")));
		}
		String[][] stores = { { "shanghai", "Shanghai", "apac" }, { "beijing", "Beijing", "apac" },
				{ "shenzhen", "Shenzhen", "apac" }, { "tokyo", "Tokyo", "apac" }, { "osaka", "Osaka", "apac" },
				{ "singapore", "Singapore", "apac" }, { "seoul", "Seoul", "apac" }, { "sydney", "Sydney", "apac" },
				{ "london", "London", "emea" }, { "paris", "Paris", "emea" }, { "berlin", "Berlin", "emea" },
				{ "madrid", "Madrid", "emea" }, { "milan", "Milan", "emea" }, { "amsterdam", "Amsterdam", "emea" },
				{ "dubai", "Dubai", "emea" }, { "stockholm", "Stockholm", "emea" }, { "newyork", "New York", "amer" },
				{ "toronto", "Toronto", "amer" }, { "chicago", "Chicago", "amer" }, { "saopaulo", "São Paulo", "amer" },
				{ "mexicocity", "Mexico City", "amer" }, { "losangeles", "Los Angeles", "amer" } };
		for (int i = 0; i < stores.length; i++) {
			List<String> tags = (i % 4 == 0) ? List.of("store", "region:" + stores[i][2], "deals")
					: List.of("store", "region:" + stores[i][2]);
			all.add(new Account("@TOA#_demo_store_" + stores[i][0], "Demo Store " + stores[i][1], 3_000 + 450L * i,
					tags));
		}
		String[][] members = { { "vip", "VIP Club", "vip" }, { "deals", "Daily Deals", "deals" },
				{ "outlet", "Outlet", "deals" }, { "events", "Events", "vip" }, { "careers", "Careers", "service" },
				{ "kids", "Kids Club", "vip" }, { "app", "App Updates", "service" },
				{ "returns", "Returns Desk", "service" } };
		for (int i = 0; i < members.length; i++) {
			all.add(new Account("@TOA#_demo_" + members[i][0], "Demo " + members[i][1], 9_000 + 2_100L * i,
					List.of(members[i][2])));
		}
		return List.copyOf(all);
	}

}
