package dev.herald.campaign;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.herald.shared.RuleViolationException;
import dev.herald.support.ApplicationTest;
import dev.herald.support.AtOnce;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tabs, a double-click, a retry on a slow network: the same campaign form posted
 * several times at once makes one campaign, and two different saves at once cannot
 * together break an account's two broadcasts an hour.
 */
@ApplicationTest
class CampaignConcurrencyTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestUsers users;

	@Autowired
	private CampaignFixtures fixtures;

	@Autowired
	private CampaignScheduler scheduler;

	private CampaignScene scene;

	@BeforeEach
	void setUp() {
		this.scene = CampaignScene.set(this.fixtures, "Race", 3);
	}

	@Test
	void threeIdenticalPostsAtOnceMakeOneCampaignAndNoServerError() throws Exception {
		String operator = this.users.create("racer", "OPERATOR");
		WebSession session = WebSession.signIn(this.port, operator);
		String page = session.get("/campaigns/new?app=" + this.scene.appId()).body();
		String label = "Posted thrice " + System.nanoTime();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", WebSession.csrf(page));
		form.put("submissionToken", WebSession.field(page, "submissionToken"));
		form.put("label", label);
		form.put("chatAppId", String.valueOf(this.scene.appId()));
		form.put("versionId", String.valueOf(this.scene.versionId()));
		form.put("accountIds", this.scene.accountIds().get(0) + "," + this.scene.accountIds().get(1));
		form.put("kind", "ONCE");
		form.put("zone", "UTC");
		form.put("onceAt",
				LocalDateTime.ofInstant(Instant.now().plus(Duration.ofDays(30)), ZoneOffset.UTC)
					.truncatedTo(ChronoUnit.MINUTES)
					.toString());
		form.put("lateMinutes", "15");

		List<HttpResponse<String>> responses = AtOnce.repeat(3, () -> session.post("/campaigns", form));
		assertThat(responses).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(302));
		long id = this.jdbc.sql("select id from campaign where label = ?").param(label).query(Long.class).single();
		assertThat(responses).allSatisfy((response) -> assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/campaigns/" + id)));
		assertThat(session.get("/campaigns/" + id).statusCode()).isEqualTo(200);
	}

	@Test
	void twoSavesAtOnceThatTogetherBreakTheHourlyQuotaAreRefusedOneOfThem() throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("op", null, List.of()));
		Instant at = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
		List<Long> one = List.of(this.scene.accountIds().get(2));
		this.scheduler.create(this.scene.command("Already there", Schedule.once(at, ZoneOffset.UTC), one));

		List<Callable<String>> saves = new ArrayList<>();
		for (int i = 1; i <= 2; i++) {
			Instant fire = at.plus(Duration.ofMinutes(10L * i));
			String label = "Racing " + i;
			saves.add(() -> {
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("op", null, List.of()));
				try {
					this.scheduler.create(this.scene.command(label, Schedule.once(fire, ZoneOffset.UTC), one));
					return "saved";
				}
				catch (RuleViolationException ex) {
					return ex.messageKey();
				}
			});
		}

		List<String> outcomes = AtOnce.run(saves);
		assertThat(outcomes).containsExactlyInAnyOrder("saved", "campaigns.quota.conflict");
		SecurityContextHolder.clearContext();
	}

}
