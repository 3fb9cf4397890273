package dev.herald.tencent;

import org.jspecify.annotations.Nullable;

/**
 * Tencent Chat data centers and their REST domains. The SDKAppID only works against its
 * own data center (otherwise 70016/70020). Backup domains are for DNS hijacking.
 */
public enum Region {

	CHINA("console.tim.qq.com", "adminapi.my-imcloud.com"),

	SINGAPORE("adminapisgp.im.qcloud.com", "adminapisgp.my-imcloud.com"),

	SEOUL("adminapikr.im.qcloud.com", "adminapikr.my-imcloud.com"),

	// Listed only on recent Chinese pages; no backup domain published.
	TOKYO("adminapijpn.im.qcloud.com", null),

	FRANKFURT("adminapiger.im.qcloud.com", "adminapiger.my-imcloud.com"),

	MUMBAI("adminapiind.im.qcloud.com", "adminapiind.my-imcloud.com"),

	SILICON_VALLEY("adminapiusa.im.qcloud.com", "adminapiusa.my-imcloud.com"),

	JAKARTA("adminapiidn.im.qcloud.com", "adminapiidn.my-imcloud.com");

	private final String domain;

	private final @Nullable String backupDomain;

	Region(String domain, @Nullable String backupDomain) {
		this.domain = domain;
		this.backupDomain = backupDomain;
	}

	public String domain() {
		return this.domain;
	}

	public @Nullable String backupDomain() {
		return this.backupDomain;
	}

	public String baseUrl() {
		return "https://" + this.domain;
	}

	public @Nullable String backupBaseUrl() {
		return (this.backupDomain != null) ? "https://" + this.backupDomain : null;
	}

}
