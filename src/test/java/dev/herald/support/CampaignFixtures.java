package dev.herald.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.officialaccount.OfficialAccountView;
import dev.herald.officialaccount.OfficialAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What campaign tests need around them: a Chat app with official accounts, and draft
 * versions approved by a second person. The draft module offers no public way to approve
 * without two signed-in people, so approvals are inserted here, exactly as the draft
 * module stores them (content hash included). A bean of every {@link ApplicationTest}
 * context (the application's component scan finds it on the test class path).
 */
@Component
public final class CampaignFixtures {

	public static final String CONTENT_JSON = "{\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"Hello from a test\"}}]}";

	private final JdbcClient jdbc;

	private final ChatApps chatApps;

	private final OfficialAccounts accounts;

	public CampaignFixtures(JdbcClient jdbc, ChatApps chatApps, OfficialAccounts accounts) {
		this.jdbc = jdbc;
		this.chatApps = chatApps;
		this.accounts = accounts;
	}

	/**
	 * A Chat app of its own with {@code count} official accounts.
	 */
	public App app(String prefix, int count) {
		long sdkAppId = ThreadLocalRandom.current().nextLong(1_400_000_000L, 1_500_000_000L);
		ChatAppView app = this.chatApps.create(new ChatAppSettings(prefix + " " + sdkAppId, sdkAppId, Endpoint.CUSTOM,
				"http://127.0.0.1:9/sim", "administrator", 200), "test-secret-key");
		List<OfficialAccountView> created = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			created.add(this.accounts.add(app.id(),
					"@TOA#_" + prefix.toLowerCase().replace(' ', '_') + "_" + sdkAppId + "_" + i, prefix + " " + i, 0,
					false));
		}
		return new App(app, created);
	}

	/**
	 * A draft whose first version was approved by a second person.
	 * @return the approved version's id
	 */
	public long approvedVersion(String title) {
		long versionId = version(title);
		long draftId = this.jdbc.sql("select draft_id from draft_version where id = :id")
			.param("id", versionId)
			.query(Long.class)
			.single();
		this.jdbc.sql("update draft set status = 'APPROVED' where id = :id").param("id", draftId).update();
		this.jdbc.sql("""
				insert into draft_review (draft_id, version_id, decision, reviewer, content_hash, decided_at)
				values (:draft, :version, 'APPROVED', 'reviewer', :hash, :now)""")
			.param("draft", draftId)
			.param("version", versionId)
			.param("hash", sha256(CONTENT_JSON))
			.param("now", Timestamp.from(Instant.now()))
			.update();
		return versionId;
	}

	/**
	 * A one-off campaign of the Chat app whose single fire has run: COMPLETED, so no
	 * Quartz trigger is left and nothing fires it. Stored as the campaign module stores
	 * it, with the content of a freshly approved draft version; for reports, which only
	 * read its label.
	 * @param chatAppId an existing Chat app
	 * @param label the label, as an operator would type it
	 * @return the campaign's id
	 */
	public long completedCampaign(long chatAppId, String label) {
		long versionId = approvedVersion("Content of " + label);
		Instant firedAt = Instant.now().minusSeconds(3600);
		Timestamp now = Timestamp.from(Instant.now());
		return this.jdbc.sql("""
				insert into campaign (label, chat_app_id, draft_id, draft_version_id, draft_version_number, draft_title,
				  content_json, content_hash, target_count, schedule_kind,
				  zone_id, fire_at, late_minutes, status, created_by, created_at, updated_at)
				select :label, :app, v.draft_id, v.id, v.number, d.title, v.content_json, v.content_hash,
				  1, 'ONCE', 'UTC', :firedAt, 15, 'COMPLETED', 'operator', :now, :now
				from draft_version v join draft d on d.id = v.draft_id where v.id = :version
				returning id""")
			.param("label", label)
			.param("app", chatAppId)
			.param("firedAt", Timestamp.from(firedAt))
			.param("now", now)
			.param("version", versionId)
			.query(Long.class)
			.single();
	}

	/**
	 * A draft version nobody approved.
	 * @return its id
	 */
	public long unapprovedVersion(String title) {
		return version(title);
	}

	private long version(String title) {
		Timestamp now = Timestamp.from(Instant.now());
		long draftId = this.jdbc.sql("""
				insert into draft (title, status, author, last_editor, current_version, created_at, updated_at)
				values (:title, 'IN_REVIEW', 'writer', 'writer', 1, :now, :now) returning id""")
			.param("title", title)
			.param("now", now)
			.query(Long.class)
			.single();
		return this.jdbc.sql("""
				insert into draft_version (draft_id, number, author, created_at, content_json, content_hash)
				values (:draft, 1, 'writer', :now, :json, :hash) returning id""")
			.param("draft", draftId)
			.param("now", now)
			.param("json", CONTENT_JSON)
			.param("hash", sha256(CONTENT_JSON))
			.query(Long.class)
			.single();
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A Chat app and its official accounts. */
	public record App(ChatAppView app, List<OfficialAccountView> accounts) {

		public long id() {
			return this.app.id();
		}

		public List<Long> accountIds() {
			return this.accounts.stream().map(OfficialAccountView::id).toList();
		}

	}

}
