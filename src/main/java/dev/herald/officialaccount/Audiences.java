package dev.herald.officialaccount;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves a campaign's audience sources into official accounts with SQL, so that a
 * selection of "every account of the app" or a group of 50,000 never travels through a
 * form or a Java collection of entities. Archived accounts are never part of an audience.
 */
@Service
public class Audiences {

	private final JdbcClient jdbc;

	private final AccountSearch search;

	Audiences(JdbcClient jdbc, AccountSearch search) {
		this.jdbc = jdbc;
		this.search = search;
	}

	/**
	 * Counts what the sources resolve to now, in total and per source.
	 * @param chatAppId the app every source must belong to
	 * @param sources the sources
	 * @return the audience's size and shares
	 * @throws IllegalArgumentException if a group or account is unknown or of another app
	 */
	@Transactional(readOnly = true)
	public Audience measure(long chatAppId, List<AudienceSource> sources) {
		Filter filter = filter(chatAppId, sources);
		if (filter.terms().isEmpty()) {
			return new Audience(0, List.of(), 0);
		}
		StringBuilder sql = new StringBuilder("select count(*) filter (where a.archived_at is null)");
		sql.append(", count(*) filter (where a.archived_at is not null)");
		List<Object> params = new ArrayList<>();
		for (Term term : filter.terms()) {
			sql.append(", count(*) filter (where a.archived_at is null and (").append(term.sql()).append("))");
			params.addAll(term.params());
		}
		sql.append(" from official_account a where a.chat_app_id = ? and (").append(filter.union()).append(')');
		params.add(chatAppId);
		params.addAll(filter.unionParams());
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			List<Audience.Share> shares = new ArrayList<>();
			for (int i = 0; i < filter.terms().size(); i++) {
				Term term = filter.terms().get(i);
				shares.add(new Audience.Share(term.kind(), term.name(), rs.getInt(3 + i)));
			}
			return new Audience(rs.getInt(1), shares, rs.getInt(2));
		}).single();
	}

	/**
	 * The {@code @TOA#_} ids the sources resolve to now.
	 * @param chatAppId the app every source must belong to
	 * @param sources the sources
	 * @return distinct ids, sorted; archived accounts left out
	 * @throws IllegalArgumentException if a group or account is unknown or of another app
	 */
	@Transactional(readOnly = true)
	public List<String> members(long chatAppId, List<AudienceSource> sources) {
		Filter filter = filter(chatAppId, sources);
		if (filter.terms().isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		params.add(chatAppId);
		params.addAll(filter.unionParams());
		return this.jdbc
			.sql("select a.account_id from official_account a where a.chat_app_id = ? and a.archived_at is null and ("
					+ filter.union() + ") order by a.account_id")
			.params(params)
			.query(String.class)
			.list();
	}

	/**
	 * The members of many audiences of one app at once, as the campaign calendar needs
	 * them: each distinct source is resolved once, in at most five queries however many
	 * audiences there are.
	 * @param <K> the caller's key of an audience
	 * @param chatAppId the app the sources belong to
	 * @param audiences the sources of each audience
	 * @return for each key the {@code @TOA#_} ids its sources resolve to now, archived
	 * accounts left out; a source that no longer resolves (a deleted group, an account of
	 * another app) adds none
	 */
	@Transactional(readOnly = true)
	public <K> Map<K, Set<String>> membersOf(long chatAppId, Map<K, List<AudienceSource>> audiences) {
		Map<AudienceSource, Set<String>> bySource = resolve(chatAppId,
				audiences.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
		Map<K, Set<String>> members = new LinkedHashMap<>();
		audiences.forEach((key, sources) -> {
			if (sources.size() == 1) {
				members.put(key, bySource.getOrDefault(sources.get(0), Set.of()));
				return;
			}
			Set<String> union = new HashSet<>();
			sources.forEach((source) -> union.addAll(bySource.getOrDefault(source, Set.of())));
			members.put(key, Collections.unmodifiableSet(union));
		});
		return members;
	}

	/** One query per kind of source, whatever the number of sources. */
	private Map<AudienceSource, Set<String>> resolve(long chatAppId, Set<AudienceSource> sources) {
		Map<AudienceSource, Set<String>> members = new HashMap<>();
		Map<AudienceSource.Kind, List<AudienceSource>> byKind = sources.stream()
			.collect(Collectors.groupingBy(AudienceSource::kind));
		if (byKind.containsKey(AudienceSource.Kind.APP)) {
			members.put(AudienceSource.wholeApp(),
					Set.copyOf(this.jdbc
						.sql("select account_id from official_account where chat_app_id = ? and archived_at is null")
						.param(chatAppId)
						.query(String.class)
						.list()));
		}
		List<String> tags = byKind.getOrDefault(AudienceSource.Kind.TAG, List.of())
			.stream()
			.map((source) -> Objects.requireNonNull(source.tag()))
			.toList();
		if (!tags.isEmpty()) {
			this.jdbc
				.sql("""
						select t.tag, a.account_id from official_account a join unnest(?) as t(tag) on a.tags @> array[t.tag]
						where a.chat_app_id = ? and a.archived_at is null""")
				.params(new SqlArrayValue("text", tags.toArray()), chatAppId)
				.query((rs) -> {
					add(members, AudienceSource.tagged(rs.getString(1)), rs.getString(2));
				});
		}
		List<Long> accountIds = refIds(byKind, AudienceSource.Kind.ACCOUNT);
		if (!accountIds.isEmpty()) {
			this.jdbc.sql("""
					select id, account_id from official_account
					where chat_app_id = ? and archived_at is null and id = any(?)""")
				.params(chatAppId, ids(accountIds))
				.query((rs) -> {
					add(members, AudienceSource.account(rs.getLong(1)), rs.getString(2));
				});
		}
		List<Long> groupIds = refIds(byKind, AudienceSource.Kind.GROUP);
		if (!groupIds.isEmpty()) {
			resolveGroups(chatAppId, groupIds, members);
		}
		members.replaceAll((source, accounts) -> Collections.unmodifiableSet(accounts));
		return members;
	}

	private void resolveGroups(long chatAppId, List<Long> groupIds, Map<AudienceSource, Set<String>> members) {
		List<Term> dynamic = new ArrayList<>();
		List<Long> dynamicIds = new ArrayList<>();
		this.jdbc.sql("""
				select id, filter_tags, filter_text from target_group
				where id = any(?) and chat_app_id = ? and dynamic""").params(ids(groupIds), chatAppId).query((rs) -> {
			dynamicIds.add(rs.getLong("id"));
			dynamic.add(dynamicTerm("", List.of((String[]) rs.getArray("filter_tags").getArray()),
					rs.getString("filter_text")));
		});
		this.jdbc.sql("""
				select m.target_group_id, a.account_id from target_group_member m
				join target_group g on g.id = m.target_group_id
				join official_account a on a.id = m.official_account_id
				where m.target_group_id = any(?) and g.chat_app_id = ? and not g.dynamic
				and a.chat_app_id = g.chat_app_id and a.archived_at is null""")
			.params(ids(groupIds), chatAppId)
			.query((rs) -> {
				add(members, AudienceSource.group(rs.getLong(1)), rs.getString(2));
			});
		if (dynamic.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder();
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < dynamic.size(); i++) {
			sql.append((i > 0) ? " union all " : "")
				.append("select ?::bigint, a.account_id from official_account a")
				.append(" where a.chat_app_id = ? and a.archived_at is null and ")
				.append(dynamic.get(i).sql());
			params.add(dynamicIds.get(i));
			params.add(chatAppId);
			params.addAll(dynamic.get(i).params());
		}
		this.jdbc.sql(sql.toString()).params(params).query((rs) -> {
			add(members, AudienceSource.group(rs.getLong(1)), rs.getString(2));
		});
	}

	private static List<Long> refIds(Map<AudienceSource.Kind, List<AudienceSource>> byKind, AudienceSource.Kind kind) {
		return byKind.getOrDefault(kind, List.of())
			.stream()
			.map((source) -> Objects.requireNonNull(source.refId()))
			.toList();
	}

	private static void add(Map<AudienceSource, Set<String>> members, AudienceSource source, String account) {
		members.computeIfAbsent(source, (key) -> new HashSet<>()).add(account);
	}

	/**
	 * Accounts of an app whose id or name contains a text, for pickers: never archived,
	 * at most {@code limit}.
	 */
	public List<OfficialAccountView> find(long chatAppId, String text, int limit) {
		return this.search.candidates(chatAppId, text, limit);
	}

	/**
	 * Counts the live accounts of an app a dynamic filter matches now, before any group
	 * is saved with it.
	 * @param chatAppId the app
	 * @param tags tags an account needs every one of
	 * @param text a text its id or name contains, or {@code null}
	 * @return how many accounts match
	 */
	@Transactional(readOnly = true)
	public int countFilter(long chatAppId, List<String> tags, @Nullable String text) {
		Term term = dynamicTerm("", tags, text);
		List<Object> params = new ArrayList<>();
		params.add(chatAppId);
		params.addAll(term.params());
		return this.jdbc
			.sql("select count(*) from official_account a where a.chat_app_id = ? and a.archived_at is null and "
					+ term.sql())
			.params(params)
			.query(Integer.class)
			.single();
	}

	/**
	 * Tags to suggest while a person types targets (those the account list suggests too).
	 * @param chatAppId the app
	 * @return tags, sorted
	 */
	public List<String> suggestedTags(long chatAppId) {
		return this.search.suggestedTags(chatAppId);
	}

	/** A case-insensitive "contains" pattern for {@code like ... escape '\'}. */
	static String like(String text) {
		String escaped = text.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

	/**
	 * The SQL terms of a dynamic filter: every tag, and the text in the id or name.
	 * @return a condition on {@code official_account a}, and its parameters
	 */
	static Term dynamicTerm(String name, List<String> tags, @Nullable String text) {
		StringBuilder sql = new StringBuilder("true");
		List<Object> params = new ArrayList<>();
		if (!tags.isEmpty()) {
			sql.append(" and a.tags @> array[")
				.append(tags.stream().map((tag) -> "?").collect(Collectors.joining(",")))
				.append("]::text[]");
			params.addAll(tags);
		}
		if (text != null && !text.isBlank()) {
			sql.append(" and (lower(a.account_id) like ? escape '\\' or lower(a.name) like ? escape '\\')");
			params.add(like(text));
			params.add(like(text));
		}
		return new Term(AudienceSource.Kind.GROUP, name, sql.toString(), params);
	}

	private Filter filter(long chatAppId, List<AudienceSource> sources) {
		List<Term> terms = new ArrayList<>();
		List<Long> accountIds = new ArrayList<>();
		List<Long> groupIds = new ArrayList<>();
		for (AudienceSource source : sources.stream().distinct().toList()) {
			switch (source.kind()) {
				case APP -> terms.add(new Term(AudienceSource.Kind.APP, "", "true", List.of()));
				case TAG -> {
					String tag = Objects.requireNonNull(source.tag());
					terms.add(new Term(AudienceSource.Kind.TAG, tag, "a.tags @> array[?]::text[]", List.of(tag)));
				}
				case GROUP -> groupIds.add(Objects.requireNonNull(source.refId()));
				case ACCOUNT -> accountIds.add(Objects.requireNonNull(source.refId()));
			}
		}
		if (!groupIds.isEmpty()) {
			terms.addAll(groupTerms(chatAppId, groupIds));
		}
		if (!accountIds.isEmpty()) {
			checkAccounts(chatAppId, accountIds);
			terms.add(new Term(AudienceSource.Kind.ACCOUNT, "", "a.id = any(?)", List.of(ids(accountIds))));
		}
		return new Filter(terms);
	}

	private List<Term> groupTerms(long chatAppId, List<Long> groupIds) {
		List<Term> terms = new ArrayList<>();
		Map<Long, Term> byId = new LinkedHashMap<>();
		this.jdbc.sql("""
				select id, chat_app_id, name, dynamic, filter_tags, filter_text
				from target_group where id = any(?)""").param(ids(groupIds)).query((rs) -> {
			long id = rs.getLong("id");
			if (rs.getLong("chat_app_id") != chatAppId) {
				throw new IllegalArgumentException("Target group " + id + " is not of app " + chatAppId);
			}
			String name = rs.getString("name");
			if (rs.getBoolean("dynamic")) {
				String[] tags = (String[]) rs.getArray("filter_tags").getArray();
				byId.put(id, dynamicTerm(name, List.of(tags), rs.getString("filter_text")));
			}
			else {
				byId.put(id, new Term(AudienceSource.Kind.GROUP, name,
						"a.id in (select m.official_account_id from target_group_member m where m.target_group_id = ?)",
						List.of(id)));
			}
		});
		for (Long id : groupIds) {
			Term term = byId.get(id);
			if (term == null) {
				throw new IllegalArgumentException("Target group " + id + " does not exist");
			}
			terms.add(term);
		}
		return terms;
	}

	private void checkAccounts(long chatAppId, List<Long> accountIds) {
		if (!allOfApp(chatAppId, accountIds)) {
			throw new IllegalArgumentException("Some official accounts are not of app " + chatAppId);
		}
	}

	/** Whether every one of the accounts exists and belongs to the app. */
	boolean allOfApp(long chatAppId, Collection<Long> accountIds) {
		long ofApp = this.jdbc.sql("select count(*) from official_account where chat_app_id = ? and id = any(?)")
			.params(chatAppId, ids(accountIds))
			.query(Long.class)
			.single();
		return ofApp == accountIds.stream().distinct().count();
	}

	/** Ids as a PostgreSQL {@code bigint[]} parameter. */
	static SqlArrayValue ids(Collection<Long> ids) {
		return new SqlArrayValue("bigint", ids.toArray());
	}

	/** One source as an SQL condition on {@code official_account a}. */
	record Term(AudienceSource.Kind kind, String name, String sql, List<Object> params) {

	}

	private record Filter(List<Term> terms) {

		String union() {
			return this.terms.stream().map((term) -> "(" + term.sql() + ")").collect(Collectors.joining(" or "));
		}

		List<Object> unionParams() {
			return this.terms.stream().flatMap((term) -> term.params().stream()).toList();
		}

	}

}
