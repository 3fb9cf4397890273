package dev.herald.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Herald nodes on one PostgreSQL: the application's scheduler and a second clustered
 * Quartz scheduler (same scheduler name, same tables, another instance id) that fires the
 * same job through the same service. 200 campaigns due at the same instant fire exactly
 * once each.
 */
@ApplicationTest
class CampaignClusterTests {

	private static final int CAMPAIGNS = 200;

	@Autowired
	private CampaignScheduler scheduler;

	@Autowired
	private CampaignRunner runner;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CampaignFixtures fixtures;

	@Test
	void twoHundredCampaignsDueAtTheSameInstantFireExactlyOnceEachAcrossTwoNodes() throws Exception {
		CampaignScene scene = CampaignScene.set(this.fixtures, "Cluster", CAMPAIGNS);
		AtomicInteger firedBySecondNode = new AtomicInteger();
		SchedulerFactoryBean secondNode = secondNode(firedBySecondNode);
		try {
			Instant at = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < CAMPAIGNS; i++) {
				ids.add(this.scheduler.create(scene.command("Cluster " + i,
						Schedule.once(at, ZoneId.of("Asia/Shanghai")), Set.of(scene.accountIds().get(i))))
					.id());
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> runCount(ids), (count) -> count >= CAMPAIGNS);
			// Give a double fire the chance to show up: the count stays put for two
			// seconds.
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> runCount(ids), (count) -> count == CAMPAIGNS);
			Map<Long, Long> perCampaign = new HashMap<>();
			this.jdbc
				.sql("select campaign_id, count(*) from campaign_run where campaign_id in (:ids) group by campaign_id")
				.param("ids", ids)
				.query((rs, row) -> perCampaign.put(rs.getLong(1), rs.getLong(2)))
				.list();
			assertThat(perCampaign).hasSize(CAMPAIGNS);
			assertThat(perCampaign.values()).allMatch((count) -> count == 1);
			assertThat(this.jdbc.sql("select count(*) from qrtz_triggers where trigger_name in (:names)")
				.param("names", ids.stream().map((id) -> "campaign-" + id).toList())
				.query(Long.class)
				.single()).isZero();
			// Both nodes took part.
			assertThat(firedBySecondNode.get()).isPositive().isLessThan(CAMPAIGNS);
		}
		finally {
			secondNode.destroy();
		}
	}

	private long runCount(List<Long> ids) {
		return this.jdbc.sql("select count(*) from campaign_run where campaign_id in (:ids)")
			.param("ids", ids)
			.query(Long.class)
			.single();
	}

	private SchedulerFactoryBean secondNode(AtomicInteger fired) throws Exception {
		SchedulerFactoryBean factory = new SchedulerFactoryBean();
		factory.setSchedulerName("herald");
		factory.setDataSource(this.dataSource);
		factory.setTransactionManager(this.transactionManager);
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceId", "second-node");
		properties.setProperty("org.quartz.jobStore.isClustered", "true");
		properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
		properties.setProperty("org.quartz.jobStore.driverDelegateClass",
				"org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
		properties.setProperty("org.quartz.threadPool.threadCount", "4");
		// Wake up every second: triggers stored by the other node do not signal this one.
		properties.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
		factory.setQuartzProperties(properties);
		factory.setJobFactory((bundle, scheduler) -> {
			fired.incrementAndGet();
			return new CampaignFireJob(this.runner);
		});
		factory.setWaitForJobsToCompleteOnShutdown(true);
		factory.afterPropertiesSet();
		factory.start();
		Scheduler scheduler = factory.getObject();
		assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
		return factory;
	}

}
