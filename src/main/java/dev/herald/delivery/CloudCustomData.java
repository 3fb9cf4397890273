package dev.herald.delivery;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Our delivery id inside a message's {@code CloudCustomData}, next to the author's own
 * value: {@code {"herald":{"delivery":123}}} without one,
 * {@code {"herald":{"delivery":123},"custom":"<the author's string>"}} with one. See
 * {@code docs/adr/0002-delivery-id-in-cloud-custom-data.md}.
 */
final class CloudCustomData {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CloudCustomData() {
	}

	static String wrap(long deliveryId, @Nullable String custom) {
		ObjectNode root = JSON.createObjectNode();
		root.putObject("herald").put("delivery", deliveryId);
		if (custom != null) {
			root.put("custom", custom);
		}
		return JSON.writeValueAsString(root);
	}

	/** Our delivery id, or {@code null} when the data is not ours. */
	static @Nullable Long deliveryId(@Nullable String data) {
		if (data == null || data.isEmpty() || data.charAt(0) != '{') {
			return null;
		}
		try {
			JsonNode id = JSON.readTree(data).path("herald").path("delivery");
			return (id.isIntegralNumber() && id.canConvertToLong()) ? id.longValue() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The author's own value, as it was before wrapping. */
	static @Nullable String custom(@Nullable String data) {
		if (deliveryId(data) == null) {
			return data;
		}
		JsonNode custom = JSON.readTree(data).get("custom");
		return (custom != null && custom.isString()) ? custom.asString() : null;
	}

}
