package dev.herald.officialaccount;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What makes an account a member of a target group: being chosen (static), or matching a
 * saved filter (dynamic: every tag, and the text in its id or name).
 */
record GroupRule(boolean dynamic, Set<Long> members, List<String> tags, @Nullable String text) {

	static GroupRule members(Set<Long> members) {
		return new GroupRule(false, Set.copyOf(members), List.of(), null);
	}

	static GroupRule filter(List<String> tags, @Nullable String text) {
		return new GroupRule(true, Set.of(), List.copyOf(tags), (text == null || text.isBlank()) ? null : text.strip());
	}

	/** What the audit log keeps: the filter, or how many members (never the list). */
	Map<String, Object> describe(String name) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", name);
		map.put("dynamic", this.dynamic);
		if (this.dynamic) {
			map.put("tags", this.tags);
			map.put("text", (this.text != null) ? this.text : "");
		}
		else {
			map.put("members", this.members.size());
		}
		return map;
	}

}
