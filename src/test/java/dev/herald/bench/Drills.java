package dev.herald.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.herald.HeraldApplication;
import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.delivery.Deliveries;
import dev.herald.delivery.RunOrder;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.support.CampaignFixtures;
import dev.herald.tencent.MsgElement;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.TencentJson;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Helper of {@code bench/drills.sh} (cluster scenario and drills), not a test. Herald's
 * nodes run as plain {@code java -jar}; this class only prepares their work:
 * <ul>
 * <li>{@code --write-simulator-config FILE --sdk-app-id N --rate R --oas K}: one
 * simulator app with K official accounts</li>
 * <li>{@code --start-run --sdk-app-id N --rate R --oas K --simulator URL}: on the
 * database of {@code SPRING_DATASOURCE_URL}, without dispatching here, creates a Chat app
 * of endpoint CUSTOM pointing at the simulator and starts one run to its K accounts
 * through {@link Deliveries#startRun}; prints {@code RUN id}; with {@code --campaign},
 * the run belongs to a one-off campaign that is RUNNING, and it also prints
 * {@code CAMPAIGN id}</li>
 * </ul>
 */
public final class Drills {

	static final String KEY = "drill-only-secret-key-0123456789abcdef0123456789abcdef";

	private Drills() {
	}

	public static void main(String[] args) throws Exception {
		long sdkAppId = Long.parseLong(SharedPostgres.option(args, "--sdk-app-id"));
		int rate = Integer.parseInt(SharedPostgres.option(args, "--rate"));
		int oas = Integer.parseInt(SharedPostgres.option(args, "--oas"));
		if (args[0].equals("--write-simulator-config")) {
			writeSimulatorConfig(Path.of(args[1]), sdkAppId, rate, oas);
			return;
		}
		String simulator = SharedPostgres.option(args, "--simulator");
		String[] properties = { "--server.port=0", "--herald.demo=false", "--herald.simulator.enabled=false",
				"--herald.delivery.enabled=false", "--spring.quartz.auto-startup=false",
				"--spring.main.banner-mode=off" };
		try (ConfigurableApplicationContext context = SpringApplication.run(HeraldApplication.class, properties)) {
			long app = context.getBean(ChatApps.class)
				.create(new ChatAppSettings("Drill " + sdkAppId, sdkAppId, Endpoint.CUSTOM, simulator, "administrator",
						rate), KEY)
				.id();
			List<String> targets = new ArrayList<>(oas);
			for (int i = 0; i < oas; i++) {
				targets.add(account(sdkAppId, i));
			}
			String content = TencentJson.toJson(OfficialAccountMessage
				.of("@TOA#_placeholder", 0, List.of(new MsgElement.TextElem("Drill broadcast")))
				.withCloudCustomData("drill"));
			Long campaign = null;
			Long campaignRun = null;
			if (List.of(args).contains("--campaign")) {
				campaign = runningCampaign(context, app);
				campaignRun = context.getBean(JdbcClient.class)
					.sql("""
							insert into campaign_run (campaign_id, scheduled_for, fired_at, status, target_count)
							values (:campaign, now(), now(), 'RUNNING', :targets) returning id""")
					.param("campaign", campaign)
					.param("targets", oas)
					.query(Long.class)
					.single();
				System.out.println("CAMPAIGN " + campaign);
			}
			long run = context.getBean(Deliveries.class)
				.startRun(new RunOrder(app, content, targets, campaign, campaignRun));
			System.out.println("RUN " + run);
			System.out.flush();
		}
	}

	private static long runningCampaign(ConfigurableApplicationContext context, long app) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		long campaign = new CampaignFixtures(jdbc, context.getBean(ChatApps.class),
				context.getBean(OfficialAccounts.class))
			.completedCampaign(app, "Drill campaign");
		jdbc.sql("update campaign set status = 'RUNNING' where id = :id").param("id", campaign).update();
		return campaign;
	}

	static String account(long sdkAppId, int i) {
		return "@TOA#_d" + sdkAppId + "_" + i;
	}

	private static void writeSimulatorConfig(Path file, long sdkAppId, int rate, int oas) throws Exception {
		StringBuilder json = new StringBuilder("{\"apps\":[{\"sdkAppId\":").append(sdkAppId)
			.append(",\"adminIdentifier\":\"administrator\",\"secretKey\":\"")
			.append(KEY)
			.append("\",\"rateLimitPerSecond\":")
			.append(rate)
			.append(",\"accounts\":[");
		for (int i = 0; i < oas; i++) {
			json.append((i > 0) ? "," : "")
				.append("{\"officialAccount\":\"")
				.append(account(sdkAppId, i))
				.append("\",\"name\":\"d")
				.append(i)
				.append("\",\"subscriberNum\":1}");
		}
		json.append("]}]}");
		Files.writeString(file, json, StandardCharsets.UTF_8);
	}

}
