package dev.herald.tencent;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire JSON of the Tencent API. Built here, not taken from the application context,
 * so that the bytes we measure, show and send never change with the app's global Jackson
 * settings: exact field names, nulls omitted, properties in declaration order.
 */
public final class TencentJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.changeDefaultPropertyInclusion((incl) -> incl.withValueInclusion(JsonInclude.Include.NON_NULL)
			.withContentInclusion(JsonInclude.Include.ALWAYS))
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		// Tencent adds response fields over time; unknown ones must not break a call.
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private TencentJson() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	/** The UTF-8 bytes exactly as they are sent. */
	public static byte[] toBytes(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	public static String toJson(Object value) {
		return new String(toBytes(value), StandardCharsets.UTF_8);
	}

	public static <T> T fromJson(String json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

}
