package dev.herald.demo;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.herald.chatapp.ChatAppSettings;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.officialaccount.OfficialAccountView;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode only: on the first start, the "Demo" Chat app pointing at the built-in
 * simulator, with a few official accounts, one of them a test account, and its 90 days of
 * history ({@link DemoHistory}); on every start, the simulator told about every app and
 * account that points at it.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String APP_NAME = "Demo";

	static final long SDK_APP_ID = 1_400_000_001L;

	static final List<String[]> ACCOUNTS = List.of(new String[] { "@TOA#_demo_news", "Demo News", "120000" },
			new String[] { "@TOA#_demo_shop", "Demo Shop", "45000" },
			new String[] { "@TOA#_demo_support", "Demo Support", "8000" },
			new String[] { "@TOA#_demo_test", "Demo Test (QA)", "3" });

	private final DemoMode demoMode;

	private final ChatApps chatApps;

	private final OfficialAccounts accounts;

	private final DemoHistory history;

	private final SimulatorRegistration registration;

	DemoData(DemoMode demoMode, ChatApps chatApps, OfficialAccounts accounts, DemoHistory history,
			SimulatorRegistration registration) {
		this.demoMode = demoMode;
		this.chatApps = chatApps;
		this.accounts = accounts;
		this.history = history;
		this.registration = registration;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demoMode.enabled()) {
			return;
		}
		ChatAppView app = this.chatApps.all()
			.stream()
			.filter((candidate) -> candidate.sdkAppId() == SDK_APP_ID)
			.findFirst()
			.orElseGet(this::createApp);
		this.history.createOnce(app);
		this.registration.registerAll();
	}

	private ChatAppView createApp() {
		SecureRandom random = new SecureRandom();
		String key = HexFormat.of().formatHex(random.generateSeed(32));
		// The simulator signs its callbacks with this token, as Tencent does once one is
		// set.
		String callbackToken = HexFormat.of().formatHex(random.generateSeed(16));
		ChatAppView app = this.chatApps.create(
				new ChatAppSettings(APP_NAME, SDK_APP_ID, Endpoint.SIMULATOR, null, "administrator", 200), key,
				callbackToken);
		for (String[] account : ACCOUNTS) {
			this.accounts.add(app.id(), account[0], account[1], Long.parseLong(account[2]),
					account[0].endsWith("_test"));
		}
		List<OfficialAccountView> all = this.accounts.ofApp(app.id());
		Set<Long> broadcastAccounts = new LinkedHashSet<>();
		all.stream().filter((a) -> !a.testAccount()).forEach((a) -> broadcastAccounts.add(a.id()));
		this.accounts.createDemoGroup(app.id(), "All demo accounts", broadcastAccounts);
		log.info("Demo mode: created the Chat app '{}' on the built-in simulator with {} official accounts", APP_NAME,
				all.size());
		return app;
	}

}
