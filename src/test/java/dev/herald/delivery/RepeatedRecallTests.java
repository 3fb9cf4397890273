package dev.herald.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import dev.herald.simulator.SimulatorDirectory;
import dev.herald.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The recall button pressed again while its recall runs (a double-click, a second
 * operator): the recall under way is the answer, and no message is asked for twice.
 */
@ApplicationTest
class RepeatedRecallTests {

	@Autowired
	private Recalls recalls;

	@Autowired
	private RecallStore store;

	@Autowired
	private SimulatorDirectory simulator;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private DeliveryFixtures fixtures;

	@Test
	void aRecallAskedForWhileOneOfTheSameRunIsUnderWayJoinsIt() {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 2);
		long run = this.fixtures.sentRun(app, null);
		long underWay = this.store.startRecall(run, null, 2, 0, Instant.now());

		assertThat(this.mvc.post()
			.uri("/runs/{id}/recall", run)
			.with(user("op").roles("OPERATOR"))
			.with(csrf())
			.param("confirmed", "true")).hasStatus(302);

		assertThat(this.recalls.latestOfRun(run))
			.hasValueSatisfying((recall) -> assertThat(recall.id()).isEqualTo(underWay));
		assertThat(recalls(run)).isOne();
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.RECALL)).isZero();
	}

	@Test
	void twoPressesAtOnceStartOneRecall() throws Exception {
		DeliveryFixtures.TestApp app = this.fixtures.app(200, 20);
		long run = this.fixtures.sentRun(app, null);
		CyclicBarrier together = new CyclicBarrier(2);
		List<CompletableFuture<Integer>> presses = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			presses.add(CompletableFuture.supplyAsync(() -> {
				try {
					together.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return this.mvc.post()
					.uri("/runs/{id}/recall", run)
					.with(user("op").roles("OPERATOR"))
					.with(csrf())
					.param("confirmed", "true")
					.exchange()
					.getResponse()
					.getStatus();
			}));
		}
		for (CompletableFuture<Integer> press : presses) {
			assertThat(press.get()).isEqualTo(302);
		}

		RecallProgress recall = this.fixtures.awaitDone(this.recalls.latestOfRun(run).orElseThrow());
		assertThat(recalls(run)).isOne();
		assertThat(recall.summary()).isEqualTo(new RecallSummary(20, 20, 0, 0));
		assertThat(this.simulator.calls(app.sdkAppId(), SimulatorDirectory.RECALL)).isEqualTo(20);
	}

	private long recalls(long run) {
		return this.jdbc.sql("select count(*) from recall where run_id = ?").param(run).query(Long.class).single();
	}

}
