package dev.herald.demo;

import dev.herald.chatapp.CallbackTrust;
import dev.herald.chatapp.ChatAppSaved;
import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.chatapp.Endpoint;
import dev.herald.officialaccount.OfficialAccountView;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.officialaccount.OfficialAccountsAdded;
import dev.herald.shared.web.LocalAddress;
import dev.herald.simulator.SimulatorDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the built-in simulator in step with the Chat apps that point at it: the simulator
 * holds no state across restarts, and accounts added later must exist there too.
 */
@Component
class SimulatorRegistration {

	private final ObjectProvider<SimulatorDirectory> simulator;

	private final ChatApps chatApps;

	private final OfficialAccounts accounts;

	private final Environment environment;

	SimulatorRegistration(ObjectProvider<SimulatorDirectory> simulator, ChatApps chatApps, OfficialAccounts accounts,
			Environment environment) {
		this.simulator = simulator;
		this.chatApps = chatApps;
		this.accounts = accounts;
		this.environment = environment;
	}

	void registerAll() {
		SimulatorDirectory directory = this.simulator.getIfAvailable();
		if (directory == null) {
			return;
		}
		for (ChatAppView app : this.chatApps.all()) {
			if (app.endpoint() == Endpoint.SIMULATOR) {
				register(directory, app);
				for (OfficialAccountView account : this.accounts.ofApp(app.id())) {
					directory.registerAccount(app.sdkAppId(), account.accountId(), account.name(),
							account.subscriberCount());
				}
			}
		}
	}

	/**
	 * Registers the app with its secret key and, when it accepts callbacks, Herald's own
	 * callback URL and token, as an admin would set them in Tencent's console.
	 */
	private void register(SimulatorDirectory directory, ChatAppView app) {
		String secretKey = this.chatApps.connection(app.id()).secretKey();
		if (!app.acceptsCallbacks()) {
			directory.registerApp(app.sdkAppId(), app.adminIdentifier(), secretKey, app.rateLimitPerSecond());
			return;
		}
		String token = this.chatApps.callbackTrust(app.sdkAppId()).map(CallbackTrust::token).orElse(null);
		directory.registerApp(app.sdkAppId(), app.adminIdentifier(), secretKey, app.rateLimitPerSecond(),
				LocalAddress.of(this.environment) + "/callbacks/tencent", token);
	}

	@EventListener
	void on(ChatAppSaved saved) {
		afterCommit(() -> registerSaved(saved));
	}

	@EventListener
	void on(OfficialAccountsAdded added) {
		afterCommit(() -> registerAdded(added));
	}

	private void registerSaved(ChatAppSaved saved) {
		SimulatorDirectory directory = this.simulator.getIfAvailable();
		ChatAppView app = this.chatApps.get(saved.chatAppId());
		if (directory != null && app.endpoint() == Endpoint.SIMULATOR) {
			register(directory, app);
		}
	}

	private void registerAdded(OfficialAccountsAdded added) {
		SimulatorDirectory directory = this.simulator.getIfAvailable();
		if (directory == null) {
			return;
		}
		ChatAppView app = this.chatApps.get(added.chatAppId());
		if (app.endpoint() != Endpoint.SIMULATOR) {
			return;
		}
		register(directory, app);
		for (OfficialAccountView account : added.accounts()) {
			directory.registerAccount(app.sdkAppId(), account.accountId(), account.name(), account.subscriberCount());
		}
	}

	/**
	 * Runs the task once the publishing transaction committed. Not a transactional event
	 * listener on purpose: those are stored by the module event registry, and the
	 * simulator needs no durable record, since every start registers everything again.
	 */
	private static void afterCommit(Runnable task) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			task.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				task.run();
			}
		});
	}

}
