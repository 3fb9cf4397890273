package dev.herald.report;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many accounts one source of a campaign's audience contributed to a run, as the
 * campaign module keeps it with the run ({@code campaign_run.audience}, JSON).
 *
 * @param kind APP, GROUP, TAG or ACCOUNT
 * @param name the group's name or the tag (untrusted text), empty for the others
 * @param accounts how many accounts
 */
record SourceShare(String kind, String name, int accounts) {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static List<SourceShare> parse(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		return JSON.readValue(json, new TypeReference<List<SourceShare>>() {
		});
	}

}
