package dev.herald.chatapp;

import dev.herald.tencent.Region;
import org.jspecify.annotations.Nullable;

/**
 * Where a Chat app's REST calls go: one of Tencent's data centers, Herald's built-in
 * simulator, or a custom base URL (a proxy, or a simulator running elsewhere).
 */
public enum Endpoint {

	CHINA(Region.CHINA), SINGAPORE(Region.SINGAPORE), SEOUL(Region.SEOUL), TOKYO(Region.TOKYO),
	FRANKFURT(Region.FRANKFURT), MUMBAI(Region.MUMBAI), SILICON_VALLEY(Region.SILICON_VALLEY), JAKARTA(Region.JAKARTA),

	/** Herald's own simulator, on the port this node listens on. */
	SIMULATOR(null),

	/** A base URL typed in by the admin. */
	CUSTOM(null);

	private final @Nullable Region region;

	Endpoint(@Nullable Region region) {
		this.region = region;
	}

	@Nullable Region region() {
		return this.region;
	}

}
