package dev.herald.officialaccount;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Audiences resolve in SQL: the whole app, static and dynamic groups, tags and single
 * accounts, as a union without duplicates, never with archived accounts.
 */
@ApplicationTest
class AudiencesTests {

	@Autowired
	private Audiences audiences;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private OfficialAccountRepository repository;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CampaignFixtures fixtures;

	private CampaignFixtures.App app;

	private long apac1;

	private long apac2;

	private long emea;

	private long archived;

	@BeforeEach
	void setUp() {
		this.app = this.fixtures.simulatorApp("Audience", 0, 200);
		this.apac1 = tagged("@TOA#_apac1", "Tokyo store", "region:apac", "store");
		this.apac2 = tagged("@TOA#_apac2", "Sydney office", "region:apac");
		this.emea = tagged("@TOA#_emea", "Berlin store", "region:emea", "store");
		this.archived = tagged("@TOA#_gone", "Closed store", "region:apac", "store");
		OfficialAccount gone = this.repository.findById(this.archived).orElseThrow();
		gone.archive(Instant.now());
		this.repository.save(gone);
	}

	@Test
	void theWholeAppLeavesArchivedAccountsOutAndCountsThem() {
		Audience audience = this.audiences.measure(this.app.id(), List.of(AudienceSource.wholeApp()));
		assertThat(audience.size()).isEqualTo(3);
		assertThat(audience.archivedSkipped()).isEqualTo(1);
		assertThat(this.audiences.members(this.app.id(), List.of(AudienceSource.wholeApp())))
			.containsExactly("@TOA#_apac1", "@TOA#_apac2", "@TOA#_emea");
	}

	@Test
	void sourcesAreAUnionAndEachSourceHasItsShare() {
		TargetGroupView group = this.accounts.createGroup(this.app.id(), "Static", null, Set.of(this.apac2));
		List<AudienceSource> sources = List.of(AudienceSource.tagged("store"), AudienceSource.group(group.id()),
				AudienceSource.account(this.apac1));
		assertThat(this.audiences.members(this.app.id(), sources)).containsExactly("@TOA#_apac1", "@TOA#_apac2",
				"@TOA#_emea");
		Audience audience = this.audiences.measure(this.app.id(), sources);
		assertThat(audience.size()).isEqualTo(3);
		assertThat(audience.shares()).containsExactly(new Audience.Share(AudienceSource.Kind.TAG, "store", 2),
				new Audience.Share(AudienceSource.Kind.GROUP, "Static", 1),
				new Audience.Share(AudienceSource.Kind.ACCOUNT, "", 1));
		assertThat(audience.archivedSkipped()).isEqualTo(1);
	}

	@Test
	void aDynamicGroupIsResolvedWhenUsedSoNewlyTaggedAccountsJoinIt() {
		TargetGroupView created = this.accounts.createGroup(this.app.id(), "APAC stores", null, Set.of());
		this.jdbc
			.sql("update target_group set dynamic = true, filter_tags = array['region:apac', 'store'], "
					+ "filter_text = 'store' where id = ?")
			.param(created.id())
			.update();
		List<AudienceSource> sources = List.of(AudienceSource.group(created.id()));
		assertThat(this.audiences.members(this.app.id(), sources)).containsExactly("@TOA#_apac1");

		OfficialAccount sydney = this.repository.findById(this.apac2).orElseThrow();
		sydney.retag(List.of("region:apac", "store"), Instant.now());
		sydney.rename("Sydney store", Instant.now());
		this.repository.save(sydney);
		assertThat(this.audiences.members(this.app.id(), sources)).containsExactly("@TOA#_apac1", "@TOA#_apac2");
	}

	@Test
	void aGroupOrAccountOfAnotherAppIsRefused() {
		CampaignFixtures.App other = this.fixtures.simulatorApp("Other", 0, 200);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.audiences.members(other.id(), List.of(AudienceSource.account(this.apac1))));
		TargetGroupView group = this.accounts.createGroup(this.app.id(), "Mine", null, Set.of(this.apac1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.audiences.measure(other.id(), List.of(AudienceSource.group(group.id()))));
	}

	@Test
	void searchFindsByIdOrNameTreatsWildcardsLiterallyAndSkipsArchived() {
		assertThat(this.audiences.find(this.app.id(), "STORE", 10)).extracting(OfficialAccountView::accountId)
			.containsExactly("@TOA#_apac1", "@TOA#_emea");
		assertThat(this.audiences.find(this.app.id(), "%", 10)).isEmpty();
		assertThat(this.audiences.find(this.app.id(), "apac", 1)).hasSize(1);
	}

	private long tagged(String accountId, String name, String... tags) {
		OfficialAccountView view = this.accounts.add(this.app.id(), accountId, name, 0, false);
		OfficialAccount account = this.repository.findById(view.id()).orElseThrow();
		account.retag(List.of(tags), Instant.now());
		this.repository.save(account);
		return view.id();
	}

}
