package dev.herald.delivery;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.herald.support.ApplicationTest;
import dev.herald.support.PageTimer;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator's decisions at size, through the pages over HTTP: a finished run of 5,000
 * deliveries of which 2,000 wait for a decision (their history showed place-holders).
 * Times the run page with its panel (first and a later page), the question before "mark
 * all as sent", and two operators pressing its "yes" at the same moment; prints
 * {@code RESULT} lines. Run with
 * {@code mvn -o test -Dtest=DecisionPanelMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ApplicationTest
class DecisionPanelMeasurement {

	private static final int DELIVERIES = 5_000;

	private static final int AWAITING = 2_000;

	private static final int WARM_UP = 20;

	private static final int ROUNDS = 60;

	@LocalServerPort
	private int port;

	@Autowired
	private DeliveryFixtures fixtures;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestUsers users;

	@Test
	void twoThousandDeliveriesWaitingForADecision() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, DELIVERIES);
		long run = this.fixtures.sentRun(app, null);
		this.jdbc.sql("""
				update delivery set status = 'IN_DOUBT', msg_key = null, doubt_reason = 'PLACEHOLDER',
				  first_attempt_at = now() - interval '1 hour', last_attempt_at = now() - interval '50 minutes'
				where id in (select id from delivery where run_id = ? order by id limit ?)""")
			.params(run, AWAITING)
			.update();
		WebSession first = WebSession.signIn(this.port, this.users.create("decider", "OPERATOR"));
		WebSession second = WebSession.signIn(this.port, this.users.create("decider", "OPERATOR"));
		String page = "/runs/" + run;
		long later = this.jdbc.sql("select id from delivery where run_id = ? order by id offset 1000 limit 1")
			.param(run)
			.query(Long.class)
			.single();
		PageTimer.time(first, "run_page_with_2000_waiting", page, WARM_UP, ROUNDS);
		PageTimer.time(first, "run_page_panel_page_21", page + "?awaitingAfter=" + later, WARM_UP, ROUNDS);
		String csrf = WebSession.csrf(first.get(page).body());
		String decide = page + "/awaiting/mark-sent";
		long asked = System.nanoTime();
		HttpResponse<String> question = first.post(decide, Map.of("_csrf", csrf));
		System.out.printf("RESULT mark_all_question status=%d ms=%.1f names_count=%b%n", question.statusCode(),
				(System.nanoTime() - asked) / 1e6, question.body().contains("2,000"));
		String secondCsrf = WebSession.csrf(second.get(page).body());
		long pressed = System.nanoTime();
		List<CompletableFuture<String>> presses = List.of(
				CompletableFuture.supplyAsync(() -> press(first, decide, csrf)),
				CompletableFuture.supplyAsync(() -> press(second, decide, secondCsrf)));
		List<String> answers = presses.stream().map(CompletableFuture::join).toList();
		System.out.printf("RESULT mark_all_two_operators_at_once ms=%.1f presses=%s%n",
				(System.nanoTime() - pressed) / 1e6, answers);
		System.out.printf("RESULT mark_all_outcome sent=%d still_waiting=%d audit_lines=%d%n",
				this.fixtures.count(run, DeliveryStatus.SENT), this.fixtures.count(run, DeliveryStatus.IN_DOUBT),
				this.jdbc.sql("select count(*) from audit_event where action = 'run.markedAllSent' and object_id = ?")
					.param(String.valueOf(run))
					.query(Long.class)
					.single());
		PageTimer.time(first, "run_page_after_decision", page, WARM_UP, ROUNDS);
	}

	/** One confirmed press: its status and time. */
	private static String press(WebSession session, String path, String csrf) {
		long start = System.nanoTime();
		int status = session.post(path, Map.of("_csrf", csrf, "confirmed", "true")).statusCode();
		return status + " in " + Math.round((System.nanoTime() - start) / 1e6) + " ms";
	}

}
