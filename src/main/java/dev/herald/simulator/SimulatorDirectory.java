package dev.herald.simulator;

import java.util.List;

/**
 * What Herald tells its built-in simulator about the Chat apps and official accounts that
 * point at it, so that their calls verify and their accounts exist. The simulator keeps
 * no state across restarts, so this is repeated on every start.
 */
public final class SimulatorDirectory {

	private final OfficialAccountSimulator simulator;

	SimulatorDirectory(OfficialAccountSimulator simulator) {
		this.simulator = simulator;
	}

	/**
	 * Registers an app, or updates its settings and keeps its history.
	 * @param sdkAppId the SDKAppID
	 * @param adminIdentifier the admin account that signs calls
	 * @param secretKey the key UserSigs are signed with
	 * @param rateLimitPerSecond calls per second per API
	 */
	public void registerApp(long sdkAppId, String adminIdentifier, String secretKey, int rateLimitPerSecond) {
		// Registering again keeps the accounts and history the simulator already has.
		this.simulator
			.register(new AppSpec(sdkAppId, adminIdentifier, secretKey, rateLimitPerSecond, null, 0, List.of()));
	}

	/**
	 * Adds an official account to a registered app (an existing one is updated).
	 * @param sdkAppId the app
	 * @param officialAccount the {@code @TOA#_} id
	 * @param name its name
	 * @param subscribers its subscriber count
	 */
	public void registerAccount(long sdkAppId, String officialAccount, String name, long subscribers) {
		this.simulator.addAccount(sdkAppId, new AccountSpec(officialAccount, name, subscribers));
	}

}
