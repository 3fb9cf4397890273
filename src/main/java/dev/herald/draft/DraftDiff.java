package dev.herald.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What changed between two versions' content, field by field and element by element.
 * Elements are compared position by position; an element whose type changed counts as
 * removed and added.
 *
 * @param fields changes outside the body ({@code CloudCustomData},
 * {@code OfflinePushInfo.Desc}, ...)
 * @param elements changed, added and removed elements
 */
record DraftDiff(List<FieldChange> fields, List<ElementChange> elements) {

	/** One field that differs; {@code null} means absent. */
	record FieldChange(String path, @Nullable String before, @Nullable String after) {

	}

	record ElementChange(int position, Kind kind, String type, List<FieldChange> fields) {

	}

	enum Kind {

		ADDED, REMOVED, CHANGED

	}

	public boolean isEmpty() {
		return this.fields.isEmpty() && this.elements.isEmpty();
	}

	static DraftDiff between(String beforeJson, String afterJson) {
		JsonNode before = DraftContent.tree(beforeJson);
		JsonNode after = DraftContent.tree(afterJson);
		List<FieldChange> fields = changes(flattenOutsideBody(before), flattenOutsideBody(after));
		List<ElementChange> elements = new ArrayList<>();
		JsonNode oldBody = before.path("MsgBody");
		JsonNode newBody = after.path("MsgBody");
		int count = Math.max(oldBody.size(), newBody.size());
		for (int i = 0; i < count; i++) {
			JsonNode oldElement = (i < oldBody.size()) ? oldBody.get(i) : null;
			JsonNode newElement = (i < newBody.size()) ? newBody.get(i) : null;
			String oldType = (oldElement != null) ? oldElement.path("MsgType").asString("") : null;
			String newType = (newElement != null) ? newElement.path("MsgType").asString("") : null;
			if (oldElement != null && newElement != null && Objects.equals(oldType, newType)) {
				List<FieldChange> changed = changes(flatten(oldElement.path("MsgContent")),
						flatten(newElement.path("MsgContent")));
				if (!changed.isEmpty()) {
					elements.add(new ElementChange(i + 1, Kind.CHANGED, newType, changed));
				}
				continue;
			}
			if (oldElement != null) {
				elements.add(new ElementChange(i + 1, Kind.REMOVED, oldType,
						changes(flatten(oldElement.path("MsgContent")), Map.of())));
			}
			if (newElement != null) {
				elements.add(new ElementChange(i + 1, Kind.ADDED, newType,
						changes(Map.of(), flatten(newElement.path("MsgContent")))));
			}
		}
		return new DraftDiff(fields, elements);
	}

	private static List<FieldChange> changes(Map<String, String> before, Map<String, String> after) {
		Set<String> paths = new LinkedHashSet<>(before.keySet());
		paths.addAll(after.keySet());
		List<FieldChange> changes = new ArrayList<>();
		for (String path : paths) {
			String old = before.get(path);
			String now = after.get(path);
			if (!Objects.equals(old, now)) {
				changes.add(new FieldChange(path, old, now));
			}
		}
		return changes;
	}

	private static Map<String, String> flattenOutsideBody(JsonNode root) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : root.properties()) {
			if (!"MsgBody".equals(property.getKey())) {
				flatten(property.getValue(), property.getKey(), values);
			}
		}
		return values;
	}

	private static Map<String, String> flatten(JsonNode node) {
		Map<String, String> values = new LinkedHashMap<>();
		flatten(node, "", values);
		return values;
	}

	private static void flatten(JsonNode node, String path, Map<String, String> values) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				flatten(property.getValue(), path.isEmpty() ? property.getKey() : path + "." + property.getKey(),
						values);
			}
		}
		else if (node.isArray()) {
			if (node.isEmpty() || !node.get(0).isContainer()) {
				List<String> items = new ArrayList<>();
				node.forEach((item) -> items.add(item.asString()));
				values.put(path, String.join(", ", items));
				return;
			}
			for (int i = 0; i < node.size(); i++) {
				flatten(node.get(i), path + "[" + i + "]", values);
			}
		}
		else if (!node.isNull() && !node.isMissingNode()) {
			values.put(path, node.asString());
		}
	}

}
