package dev.herald.demo;

import dev.herald.chatapp.ChatAppSaved;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.officialaccount.OfficialAccountView;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.officialaccount.OfficialAccountsAdded;
import dev.herald.simulator.SimulatorDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the built-in simulator in step with the Chat apps that point at it: the simulator
 * holds no state across restarts, and accounts added later must exist there too.
 */
@Component
class SimulatorRegistration {

	private final ObjectProvider<SimulatorDirectory> simulator;

	private final ChatApps chatApps;

	private final OfficialAccounts accounts;

	SimulatorRegistration(ObjectProvider<SimulatorDirectory> simulator, ChatApps chatApps, OfficialAccounts accounts) {
		this.simulator = simulator;
		this.chatApps = chatApps;
		this.accounts = accounts;
	}

	void registerAll() {
		SimulatorDirectory directory = this.simulator.getIfAvailable();
		if (directory == null) {
			return;
		}
		for (ChatAppView app : this.chatApps.all()) {
			if (app.endpoint() == Endpoint.SIMULATOR) {
				directory.registerApp(app.sdkAppId(), app.adminIdentifier(),
						this.chatApps.connection(app.id()).secretKey(), app.rateLimitPerSecond());
				for (OfficialAccountView account : this.accounts.ofApp(app.id())) {
					directory.registerAccount(app.sdkAppId(), account.accountId(), account.name(),
							account.subscriberCount());
				}
			}
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ChatAppSaved saved) {
		SimulatorDirectory directory = this.simulator.getIfAvailable();
		ChatAppView app = this.chatApps.get(saved.chatAppId());
		if (directory != null && app.endpoint() == Endpoint.SIMULATOR) {
			directory.registerApp(app.sdkAppId(), app.adminIdentifier(), this.chatApps.connection(app.id()).secretKey(),
					app.rateLimitPerSecond());
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OfficialAccountsAdded added) {
		SimulatorDirectory directory = this.simulator.getIfAvailable();
		if (directory == null) {
			return;
		}
		ChatAppView app = this.chatApps.get(added.chatAppId());
		if (app.endpoint() != Endpoint.SIMULATOR) {
			return;
		}
		directory.registerApp(app.sdkAppId(), app.adminIdentifier(), this.chatApps.connection(app.id()).secretKey(),
				app.rateLimitPerSecond());
		for (OfficialAccountView account : added.accounts()) {
			directory.registerAccount(app.sdkAppId(), account.accountId(), account.name(), account.subscriberCount());
		}
	}

}
