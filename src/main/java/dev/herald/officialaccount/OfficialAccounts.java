package dev.herald.officialaccount;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import dev.herald.chatapp.ChatApps;
import dev.herald.shared.NotFoundException;
import dev.herald.shared.RuleViolationException;
import dev.herald.tencent.CallResult;
import dev.herald.tencent.OfficialAccountInfoRequest;
import dev.herald.tencent.OfficialAccountInfoResponse;
import dev.herald.tencent.OfficialAccountInfoResponse.OfficialAccountInfo;
import dev.herald.tencent.TencentChatClient;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Official accounts and target groups: kept by admins and operators, read by campaigns
 * and test sends.
 */
@Service
public class OfficialAccounts {

	// Accounts asked about per get_official_account_info call.
	static final int SYNC_BATCH = 20;

	private final OfficialAccountRepository accounts;

	private final TargetGroupRepository groups;

	private final ChatApps chatApps;

	private final TencentChatClient client;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Audiences audiences;

	private final JdbcClient jdbc;

	private final AccountImporter importer;

	private final EntityManager entityManager;

	OfficialAccounts(OfficialAccountRepository accounts, TargetGroupRepository groups, ChatApps chatApps,
			TencentChatClient client, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			Audiences audiences, JdbcClient jdbc, AccountImporter importer, EntityManager entityManager) {
		this.importer = importer;
		this.entityManager = entityManager;
		this.audiences = audiences;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.groups = groups;
		this.chatApps = chatApps;
		this.client = client;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<OfficialAccountView> ofApp(long chatAppId) {
		return this.accounts.findByChatAppIdOrderByAccountId(chatAppId).stream().map(OfficialAccountView::of).toList();
	}

	/**
	 * Accounts by id, in the order asked, unknown ids left out.
	 * @param ids Herald ids
	 * @return their views
	 */
	@Transactional(readOnly = true)
	public List<OfficialAccountView> views(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, OfficialAccountView> found = this.accounts.findAllById(ids)
			.stream()
			.map(OfficialAccountView::of)
			.collect(Collectors.toMap(OfficialAccountView::id, Function.identity()));
		return ids.stream().distinct().map(found::get).filter(Objects::nonNull).toList();
	}

	@Transactional(readOnly = true)
	public Optional<OfficialAccountView> find(long id) {
		return this.accounts.findById(id).map(OfficialAccountView::of);
	}

	/**
	 * The accounts test sends may go to.
	 * @return every test account of every app
	 */
	@Transactional(readOnly = true)
	public List<OfficialAccountView> testAccounts() {
		return this.accounts.findByTestAccountTrueOrderByAccountId().stream().map(OfficialAccountView::of).toList();
	}

	@Transactional(readOnly = true)
	public List<TargetGroupView> groups() {
		return views(this.groups.findAllByOrderByChatAppIdAscNameAsc());
	}

	/**
	 * The groups of an app that pickers offer: not archived, by name, with member counts.
	 * @param chatAppId the app
	 * @return its live groups
	 */
	@Transactional(readOnly = true)
	public List<TargetGroupView> groupsOf(long chatAppId) {
		return views(this.groups.findByChatAppIdOrderByName(chatAppId)
			.stream()
			.filter((group) -> group.getArchivedAt() == null)
			.toList());
	}

	@Transactional(readOnly = true)
	public Optional<TargetGroupView> group(long id) {
		return this.groups.findById(id).map((group) -> views(List.of(group)).get(0));
	}

	/** The ids of a static group's members. */
	@Transactional(readOnly = true)
	Set<Long> memberIds(long groupId) {
		return this.groups.findById(groupId).map(TargetGroup::getMembers).orElse(Set.of());
	}

	/**
	 * Views with live member counts: static groups' in one query, dynamic groups' in one
	 * pass over each app's accounts.
	 */
	private List<TargetGroupView> views(List<TargetGroup> list) {
		List<Long> staticIds = list.stream().filter((g) -> !g.isDynamic()).map(TargetGroup::getId).toList();
		Map<Long, Integer> counts = new HashMap<>();
		if (!staticIds.isEmpty()) {
			this.jdbc.sql("""
					select m.target_group_id, count(*) from target_group_member m
					join official_account a on a.id = m.official_account_id and a.archived_at is null
					where m.target_group_id = any(?) group by m.target_group_id""")
				.param(Audiences.ids(staticIds))
				.query((rs) -> {
					counts.put(rs.getLong(1), rs.getInt(2));
				});
		}
		list.stream()
			.filter(TargetGroup::isDynamic)
			.collect(Collectors.groupingBy(TargetGroup::getChatAppId,
					Collectors.mapping(TargetGroup::getId, Collectors.toList())))
			.forEach((app, ids) -> {
				List<Audience.Share> shares = this.audiences
					.measure(app, ids.stream().map(AudienceSource::group).toList())
					.shares();
				for (int i = 0; i < ids.size(); i++) {
					counts.put(ids.get(i), shares.get(i).accounts());
				}
			});
		return list.stream().map((group) -> TargetGroupView.of(group, counts.getOrDefault(group.getId(), 0))).toList();
	}

	@Transactional
	public OfficialAccountView add(long chatAppId, String accountId, String name, long subscriberCount,
			boolean testAccount) {
		this.chatApps.get(chatAppId);
		if (this.accounts.findByChatAppIdAndAccountId(chatAppId, accountId).isPresent()) {
			throw RuleViolationException.onField("accountId", "accounts.id.taken");
		}
		OfficialAccount account = this.accounts
			.save(new OfficialAccount(chatAppId, accountId, name, subscriberCount, testAccount, this.clock.instant()));
		OfficialAccountView view = OfficialAccountView.of(account);
		this.audit.record(AuditRecord.of("account.added", "official_account", view.id())
			.withAfter(Map.of("accountId", accountId, "name", name, "testAccount", testAccount)));
		this.events.publishEvent(new OfficialAccountsAdded(chatAppId, List.of(view)));
		return view;
	}

	@Transactional
	void update(long id, String name, boolean testAccount) {
		OfficialAccount account = this.accounts.findById(id)
			.orElseThrow(() -> new NotFoundException("official account", id));
		Instant now = this.clock.instant();
		account.rename(name, now);
		account.markAsTest(testAccount, now);
		this.audit.record(AuditRecord.of("account.updated", "official_account", id)
			.withAfter(Map.of("name", name, "testAccount", testAccount)));
	}

	/**
	 * Imports a CSV into one app, all rows or none.
	 * @param chatAppId the app
	 * @param csv the file (a byte-order mark is fine)
	 * @param encoding the file's encoding; bytes that do not decode refuse the file
	 * @return what was saved, or every problem by line
	 */
	@Transactional
	ImportResult importCsv(long chatAppId, InputStream csv, CsvEncoding encoding) throws IOException {
		this.chatApps.get(chatAppId);
		CsvDecoder.Decoded decoded = CsvDecoder.decode(csv, encoding);
		if (!decoded.problems().isEmpty()) {
			return new ImportResult(0, 0, decoded.problems());
		}
		AccountCsv.Parsed parsed = AccountCsv.parse(new StringReader(decoded.text()));
		if (!parsed.problems().isEmpty()) {
			return new ImportResult(0, 0, parsed.problems());
		}
		AccountImporter.Written written = this.importer.write(chatAppId, parsed.rows(), this.clock.instant());
		int created = written.created();
		int updated = parsed.rows().size() - created;
		this.audit.record(AuditRecord.of("account.imported", "chatapp", chatAppId)
			.withAfter(Map.of("created", created, "updated", updated)));
		this.events.publishEvent(new OfficialAccountsAdded(chatAppId, written.accounts()));
		return new ImportResult(created, updated, List.of());
	}

	/**
	 * Refreshes names and subscriber counts of an app's accounts from Tencent.
	 * @param chatAppId the app
	 * @return what changed
	 */
	@Transactional
	SyncResult sync(long chatAppId) {
		List<OfficialAccount> all = this.accounts.findByChatAppIdOrderByAccountId(chatAppId);
		var connection = this.chatApps.connection(chatAppId);
		Instant now = this.clock.instant();
		int updated = 0;
		int notFound = 0;
		for (int from = 0; from < all.size(); from += SYNC_BATCH) {
			List<OfficialAccount> batch = all.subList(from, Math.min(all.size(), from + SYNC_BATCH));
			CallResult<OfficialAccountInfoResponse> result = this.client.getOfficialAccountInfo(connection,
					OfficialAccountInfoRequest.of(batch.stream().map(OfficialAccount::getAccountId).toList()));
			if (!(result instanceof CallResult.Success<OfficialAccountInfoResponse> success)) {
				return new SyncResult(updated, notFound, result);
			}
			Map<String, OfficialAccountInfo> infos = new LinkedHashMap<>();
			for (OfficialAccountInfo info : success.response().officialAccountInfoList()) {
				if (info.officialAccount() != null && (info.name() != null || info.subscriberNum() != null)) {
					infos.put(info.officialAccount(), info);
				}
			}
			for (OfficialAccount account : batch) {
				OfficialAccountInfo info = infos.get(account.getAccountId());
				if (info == null) {
					notFound++;
				}
				else {
					account.synced(info.name(), info.subscriberNum(), now);
					updated++;
				}
			}
		}
		this.audit.record(AuditRecord.of("account.synced", "chatapp", chatAppId)
			.withAfter(Map.of("updated", updated, "notFound", notFound)));
		return new SyncResult(updated, notFound, null);
	}

	@Transactional
	TargetGroupView createGroup(long chatAppId, String name, @Nullable String description, Set<Long> members) {
		return createGroup(chatAppId, name, description, GroupRule.members(members));
	}

	/**
	 * Creates a static or dynamic target group.
	 * @throws RuleViolationException naming the field that is wrong
	 */
	@Transactional
	TargetGroupView createGroup(long chatAppId, String name, @Nullable String description, GroupRule rule) {
		this.chatApps.get(chatAppId);
		checkGroup(chatAppId, name, rule, null);
		TargetGroup group = new TargetGroup(chatAppId, name, description, Set.of(), this.clock.instant());
		if (rule.dynamic()) {
			group.filterBy(rule.tags(), rule.text());
		}
		group = this.groups.save(group);
		long id = Objects.requireNonNull(group.getId());
		writeMembers(id, rule);
		this.audit.record(AuditRecord.of("group.created", "target_group", id).withAfter(rule.describe(name)));
		return views(List.of(group)).get(0);
	}

	/**
	 * Creates a target group without a person behind it (demo data).
	 * @param chatAppId the app
	 * @param name the group's name
	 * @param members its members
	 * @return the group
	 */
	@Transactional
	public TargetGroupView createDemoGroup(long chatAppId, String name, Set<Long> members) {
		return createGroup(chatAppId, name, null, members);
	}

	@Transactional
	void updateGroup(long id, long expectedVersion, String name, @Nullable String description, Set<Long> members) {
		updateGroup(id, expectedVersion, name, description, GroupRule.members(members));
	}

	/**
	 * Changes a group's name, description, kind and members or filter.
	 * @throws RuleViolationException naming the field that is wrong
	 */
	@Transactional
	void updateGroup(long id, long expectedVersion, String name, @Nullable String description, GroupRule rule) {
		TargetGroup group = this.groups.findById(id).orElseThrow(() -> new NotFoundException("target group", id));
		if (group.getVersion() != expectedVersion) {
			throw RuleViolationException.onField("name", "groups.changed");
		}
		checkGroup(group.getChatAppId(), name, rule, id);
		// Members are replaced in SQL, before the entity's lazy set is first read, so
		// Hibernate finds it empty instead of deleting 50,000 rows one by one.
		this.jdbc.sql("delete from target_group_member where target_group_id = ?").param(id).update();
		group.update(name, description, Set.of(), this.clock.instant());
		if (rule.dynamic()) {
			group.filterBy(rule.tags(), rule.text());
		}
		else {
			group.fixMembers();
		}
		// The entity's (now empty) member set is written first; members follow in SQL.
		this.entityManager.flush();
		writeMembers(id, rule);
		this.audit.record(AuditRecord.of("group.updated", "target_group", id).withAfter(rule.describe(name)));
	}

	@Transactional
	void archiveGroup(long id) {
		TargetGroup group = this.groups.findById(id).orElseThrow(() -> new NotFoundException("target group", id));
		group.archive(this.clock.instant());
		this.audit
			.record(AuditRecord.of("group.archived", "target_group", id).withAfter(Map.of("name", group.getName())));
	}

	@Transactional
	void restoreGroup(long id) {
		TargetGroup group = this.groups.findById(id).orElseThrow(() -> new NotFoundException("target group", id));
		group.restore(this.clock.instant());
		this.audit
			.record(AuditRecord.of("group.restored", "target_group", id).withAfter(Map.of("name", group.getName())));
	}

	/**
	 * Edits an account's name, test flag and tags (already parsed and checked) at once.
	 */
	@Transactional
	void update(long id, String name, boolean testAccount, List<String> tags) {
		update(id, name, testAccount);
		retag(id, tags);
	}

	/** Replaces the tags of one account (already parsed and checked). */
	@Transactional
	void retag(long id, List<String> tags) {
		OfficialAccount account = this.accounts.findById(id)
			.orElseThrow(() -> new NotFoundException("official account", id));
		List<String> before = account.getTags();
		account.retag(tags, this.clock.instant());
		if (!before.equals(account.getTags())) {
			this.audit.record(AuditRecord.of("account.retagged", "official_account", id)
				.withBefore(Map.of("tags", before))
				.withAfter(Map.of("tags", account.getTags())));
		}
	}

	@Transactional
	OfficialAccountView archive(long id) {
		OfficialAccount account = this.accounts.findById(id)
			.orElseThrow(() -> new NotFoundException("official account", id));
		account.archive(this.clock.instant());
		this.audit.record(AuditRecord.of("account.archived", "official_account", id)
			.withAfter(Map.of("accountId", account.getAccountId())));
		return OfficialAccountView.of(account);
	}

	/**
	 * Tencent's callback that an official account was destroyed: the account is archived,
	 * so new runs skip it, and the history keeps it.
	 * @return whether an account changed
	 */
	@Transactional
	public boolean destroyedAtTencent(long chatAppId, String accountId) {
		return this.accounts.findByChatAppIdAndAccountId(chatAppId, accountId)
			.filter((account) -> account.getArchivedAt() == null)
			.map((account) -> {
				account.archive(this.clock.instant());
				this.audit.record(AuditRecord.of("account.destroyed", "official_account", account.getId())
					.withAfter(Map.of("accountId", accountId)));
				return true;
			})
			.orElse(false);
	}

	/**
	 * Tencent's subscriber added or deleted callbacks: keeps the subscriber count current
	 * between syncs (a sync from Tencent sets the exact figure again).
	 * @param delta subscribers added (positive) or deleted (negative)
	 * @return whether an account changed
	 */
	@Transactional
	public boolean subscribersChanged(long chatAppId, String accountId, int delta) {
		return this.jdbc.sql("""
				update official_account set subscriber_count = greatest(0, subscriber_count + :delta), updated_at = :now
				where chat_app_id = :app and account_id = :account""")
			.param("delta", delta)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("app", chatAppId)
			.param("account", accountId)
			.update() > 0;
	}

	@Transactional
	OfficialAccountView restore(long id) {
		OfficialAccount account = this.accounts.findById(id)
			.orElseThrow(() -> new NotFoundException("official account", id));
		account.restore(this.clock.instant());
		this.audit.record(AuditRecord.of("account.restored", "official_account", id)
			.withAfter(Map.of("accountId", account.getAccountId())));
		return OfficialAccountView.of(account);
	}

	/**
	 * Herald's ids of an app's accounts, by their {@code @TOA#_} ids.
	 * @param chatAppId the app
	 * @param accountIds Tencent's ids
	 * @return Herald's id of each account the app has, by Tencent's id
	 */
	@Transactional(readOnly = true)
	Map<String, Long> idsOf(long chatAppId, Collection<String> accountIds) {
		Map<String, Long> ids = new LinkedHashMap<>();
		this.jdbc.sql("select account_id, id from official_account where chat_app_id = ? and account_id = any(?)")
			.params(chatAppId, new SqlArrayValue("text", accountIds.toArray()))
			.query((rs) -> {
				ids.put(rs.getString(1), rs.getLong(2));
			});
		return ids;
	}

	private void writeMembers(long groupId, GroupRule rule) {
		if (!rule.dynamic() && !rule.members().isEmpty()) {
			this.jdbc
				.sql("insert into target_group_member (target_group_id, official_account_id)" + " select ?, unnest(?)")
				.params(groupId, Audiences.ids(rule.members()))
				.update();
		}
	}

	private void checkGroup(long chatAppId, String name, GroupRule rule, @Nullable Long id) {
		this.groups.findByChatAppIdAndName(chatAppId, name)
			.filter((other) -> !other.getId().equals(id))
			.ifPresent((other) -> {
				throw RuleViolationException.onField("name", "groups.name.taken");
			});
		if (rule.dynamic()) {
			return;
		}
		if (!this.audiences.allOfApp(chatAppId, rule.members())) {
			throw RuleViolationException.onField("members", "groups.members.otherApp");
		}
	}

}
