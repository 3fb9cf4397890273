package dev.herald.campaign;

import java.util.List;

import dev.herald.officialaccount.Audience;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a run's audience came together, kept with the run as JSON: each source's share and
 * how many archived accounts were left out.
 */
final class RunAudience {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RunAudience() {
	}

	static String toJson(List<Audience.Share> shares) {
		return JSON.writeValueAsString(shares);
	}

	static List<Audience.Share> fromJson(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		return JSON.readValue(json, new TypeReference<List<Audience.Share>>() {
		});
	}

}
