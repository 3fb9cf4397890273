package dev.herald.journey;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.staff.Role;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.awaitility.Awaitility.await;

/**
 * Every kind of page Herald serves, with something on it, and who may see it: the table
 * the page tours walk (axe-core in a browser, the Nu Html Checker over HTTP). The scene
 * behind it is built once per JVM through Herald's own forms, signed in as the people who
 * would do it: drafts with two versions, one in review and one archived, a campaign sent
 * now to the built-in simulator (a finished run with sent deliveries), a scheduled
 * campaign, a group.
 */
@Component
class PageTour {

	/** The roles a tour signs in as; each user holds exactly one. */
	static final List<Role> ROLES = List.of(Role.OPERATOR, Role.EDITOR, Role.ANALYST, Role.ADMIN);

	/** The zone the browser tests' pages are shown in. */
	private static final ZoneId VIEWER = ZoneId.of("Europe/Berlin");

	private static final Set<Role> DRAFTING = EnumSet.of(Role.OPERATOR, Role.EDITOR);

	private static final Set<Role> CAMPAIGNS = EnumSet.of(Role.OPERATOR, Role.ANALYST);

	private static final Set<Role> OPERATING = EnumSet.of(Role.OPERATOR);

	private static final Set<Role> REVIEWING = EnumSet.of(Role.EDITOR);

	private static final Set<Role> REPORTING = EnumSet.of(Role.OPERATOR, Role.EDITOR, Role.ANALYST);

	private static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);

	/** The admin holds every other role's rights too. */
	private static final Set<Role> ADMINISTERING = EnumSet.of(Role.ADMIN);

	private final TestUsers users;

	private final CampaignFixtures fixtures;

	private final OfficialAccounts accounts;

	private final JdbcClient jdbc;

	private final Environment environment;

	private @Nullable Scene scene;

	PageTour(TestUsers users, CampaignFixtures fixtures, OfficialAccounts accounts, JdbcClient jdbc,
			Environment environment) {
		this.users = users;
		this.fixtures = fixtures;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.environment = environment;
	}

	/** One page to visit: its kind, its path, the status it answers. */
	record Stop(String kind, String path, int status) {

		@Override
		public String toString() {
			return this.kind + " (" + this.path + ")";
		}

	}

	/** Pages without signing in. */
	static List<Stop> publicStops() {
		return List.of(new Stop("sign-in", "/login", 200), new Stop("sign-in failed", "/login?error", 200));
	}

	/**
	 * The pages a user of the role sees: every page kind the role may use, and the error
	 * pages (not found, bad request, refused, and forbidden for all but the admin).
	 * @param role the role
	 * @return the stops, in order
	 */
	List<Stop> stopsFor(Role role) {
		Scene built = scene();
		List<Stop> stops = new ArrayList<>();
		for (Page page : pages(built)) {
			if (role == Role.ADMIN || page.roles().contains(role)) {
				stops.add(new Stop(page.kind(), page.path(), 200));
			}
		}
		stops.add(new Stop("not found", "/reports/runs/999999999", 404));
		stops.add(new Stop("bad request", "/reports/runs/not-a-number", 400));
		if (role != Role.ADMIN) {
			stops.add(new Stop("forbidden", "/admin/users", 403));
		}
		if (role == Role.ADMIN || DRAFTING.contains(role)) {
			stops.add(new Stop("refused (archived draft)", "/drafts/" + built.archivedDraft() + "/edit", 409));
		}
		return stops;
	}

	/**
	 * The user who holds only this role.
	 * @param role the role
	 * @return the user name
	 */
	String user(Role role) {
		return scene().users().get(role);
	}

	/**
	 * The Chat app whose campaign was sent: its send history has three deliveries.
	 * @return the app's id
	 */
	long app() {
		return scene().app();
	}

	/**
	 * Today where the browser tests' viewer is.
	 * @return the date
	 */
	LocalDate today() {
		return LocalDate.now(VIEWER);
	}

	/** A page kind and the roles that may see it. */
	private record Page(String kind, String path, Set<Role> roles) {
	}

	private List<Page> pages(Scene s) {
		LocalDate today = today();
		return List.of(new Page("dashboard", "/", SIGNED_IN),
				new Page("account settings", "/account/password", SIGNED_IN),
				new Page("draft list", "/drafts", DRAFTING),
				new Page("archived drafts", "/drafts?archived=true", DRAFTING),
				new Page("composer", "/drafts/new", DRAFTING),
				new Page("draft", "/drafts/" + s.reviewDraft(), DRAFTING),
				new Page("draft editor", "/drafts/" + s.reviewDraft() + "/edit", DRAFTING),
				new Page("draft diff", "/drafts/" + s.reviewDraft() + "/diff", DRAFTING),
				new Page("review queue", "/drafts/review", REVIEWING),
				new Page("review", "/drafts/" + s.reviewDraft() + "/review", REVIEWING),
				new Page("campaign list", "/campaigns", CAMPAIGNS),
				new Page("calendar (month)", "/campaigns/calendar?date=" + today, CAMPAIGNS),
				new Page("calendar (week)", "/campaigns/calendar?view=week&date=" + today, CAMPAIGNS),
				new Page("campaign (completed)", "/campaigns/" + s.sentCampaign(), CAMPAIGNS),
				new Page("campaign (scheduled)", "/campaigns/" + s.scheduledCampaign(), CAMPAIGNS),
				new Page("new campaign", "/campaigns/new?app=" + s.app(), OPERATING),
				new Page("campaign editor", "/campaigns/" + s.scheduledCampaign() + "/edit", OPERATING),
				new Page("campaign clone", "/campaigns/" + s.sentCampaign() + "/clone", OPERATING),
				new Page("run", "/runs/" + s.run(), CAMPAIGNS),
				new Page("accounts", "/accounts?app=" + s.app(), OPERATING),
				new Page("account", "/accounts/" + s.account(), OPERATING),
				new Page("account import", "/accounts/import?app=" + s.app(), OPERATING),
				new Page("account bulk", "/accounts/bulk?app=" + s.app(), OPERATING),
				new Page("groups", "/accounts/groups", OPERATING),
				new Page("new group", "/accounts/groups/new", OPERATING),
				new Page("group", "/accounts/groups/" + s.group(), OPERATING),
				new Page("reports", "/reports", REPORTING), new Page("send history", "/reports/deliveries", REPORTING),
				new Page("send history (filtered)", "/reports/deliveries?app=" + s.app(), REPORTING),
				new Page("run report", "/reports/runs/" + s.run(), REPORTING),
				new Page("campaign report", "/reports/campaigns/" + s.sentCampaign(), REPORTING),
				new Page("audit", "/audit", REPORTING), new Page("staff", "/admin/users", ADMINISTERING),
				new Page("new staff user", "/admin/users/new", ADMINISTERING),
				new Page("staff user", "/admin/users/" + s.staffUser(), ADMINISTERING),
				new Page("Chat apps", "/admin/apps", ADMINISTERING),
				new Page("new Chat app", "/admin/apps/new", ADMINISTERING),
				new Page("Chat app", "/admin/apps/" + s.app(), ADMINISTERING));
	}

	/** What the pages show: one user per role and the ids of what they made. */
	private record Scene(Map<Role, String> users, long app, long account, long group, long reviewDraft,
			long archivedDraft, long sentCampaign, long scheduledCampaign, long run, long staffUser) {
	}

	private synchronized Scene scene() {
		if (this.scene == null) {
			this.scene = build();
		}
		return this.scene;
	}

	private Scene build() {
		Map<Role, String> users = ROLES.stream()
			.collect(Collectors.toMap((role) -> role,
					(role) -> this.users.create("tour-" + role.name().toLowerCase(), role.name())));
		CampaignFixtures.App app = this.fixtures.simulatorApp("Tour", 3, 200);
		long group = this.accounts.createDemoGroup(app.id(), "Tour group", Set.copyOf(app.accountIds().subList(0, 2)))
			.id();
		long versionId = this.fixtures.approvedVersion("Tour content");
		WebSession operator = WebSession.signIn(port(), users.get(Role.OPERATOR));

		long reviewDraft = draft(operator, "Tour draft", "Hello from the tour");
		String editor = operator.get("/drafts/" + reviewDraft + "/edit").body();
		expectRedirect(operator.post("/drafts/" + reviewDraft + "/edit",
				Map.of("title", "Tour draft", "notes", "Second version", "version", WebSession.field(editor, "version"),
						"elements[0].type", "TIMTextElem", "elements[0].fields[Text]", "Hello again from the tour",
						"_csrf", WebSession.csrf(editor))));
		String shown = operator.get("/drafts/" + reviewDraft).body();
		expectRedirect(operator.post("/drafts/" + reviewDraft + "/submit",
				Map.of("version", WebSession.field(shown, "version"), "_csrf", WebSession.csrf(shown))));
		long archivedDraft = draft(operator, "Tour archived draft", "Old news");
		shown = operator.get("/drafts/" + archivedDraft).body();
		expectRedirect(operator.post("/drafts/" + archivedDraft + "/archive",
				Map.of("_csrf", WebSession.csrf(shown), "confirmed", "true")));

		String accountIds = app.accountIds().stream().map(String::valueOf).collect(Collectors.joining(","));
		long sentCampaign = campaign(operator, app.id(), versionId, accountIds,
				Map.of("label", "Tour sent now", "kind", "NOW"));
		String onceAt = today().plusDays(20).atTime(9, 30).toString();
		long scheduledCampaign = campaign(operator, app.id(), versionId, accountIds,
				Map.of("label", "Tour scheduled", "kind", "ONCE", "onceAt", onceAt));
		await("the campaign sent now completes").atMost(Duration.ofSeconds(60))
			.until(() -> "COMPLETED".equals(this.jdbc.sql("select status from campaign where id = :id")
				.param("id", sentCampaign)
				.query(String.class)
				.single()));
		long run = this.jdbc.sql("select id from send_run where campaign_id = :id")
			.param("id", sentCampaign)
			.query(Long.class)
			.single();
		long staffUser = this.jdbc.sql("select id from staff_user where username = :name")
			.param("name", users.get(Role.OPERATOR))
			.query(Long.class)
			.single();
		return new Scene(users, app.id(), app.accountIds().get(0), group, reviewDraft, archivedDraft, sentCampaign,
				scheduledCampaign, run, staffUser);
	}

	private static long draft(WebSession session, String title, String text) {
		String composer = session.get("/drafts/new").body();
		HttpResponse<String> saved = expectRedirect(session.post("/drafts/new",
				Map.of("title", title, "notes", title, "submissionToken", WebSession.field(composer, "submissionToken"),
						"elements[0].type", "TIMTextElem", "elements[0].fields[Text]", text, "_csrf",
						WebSession.csrf(composer))));
		return idAtEnd(saved);
	}

	private static long campaign(WebSession session, long app, long versionId, String accountIds,
			Map<String, String> schedule) {
		String form = session.get("/campaigns/new?app=" + app).body();
		Map<String, String> fields = new HashMap<>(schedule);
		fields.putAll(Map.of("chatAppId", String.valueOf(app), "versionId", String.valueOf(versionId), "accountIds",
				accountIds, "zone", VIEWER.getId(), "lateMinutes", "15", "submissionToken",
				WebSession.field(form, "submissionToken"), "_csrf", WebSession.csrf(form)));
		return idAtEnd(expectRedirect(session.post("/campaigns", fields)));
	}

	private static HttpResponse<String> expectRedirect(HttpResponse<String> response) {
		if (response.statusCode() != 302) {
			throw new IllegalStateException("Expected a redirect from " + response.request().uri() + ", got "
					+ response.statusCode() + ": " + response.body());
		}
		return response;
	}

	private static long idAtEnd(HttpResponse<String> redirect) {
		String location = redirect.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.replaceAll("^.*/(\\d+)(\\?.*)?$", "$1"));
	}

	private int port() {
		return Integer.parseInt(this.environment.getRequiredProperty("local.server.port"));
	}

}
