package dev.herald.officialaccount;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A target group as other modules and pages see it.
 *
 * @param dynamic whether it is a saved filter rather than a set of members
 * @param filterTags a dynamic group's tags (an account needs every one)
 * @param filterText a dynamic group's text to find in the account's id or name
 * @param archived whether it is archived (hidden from pickers)
 * @param memberCount how many live accounts it resolves to now
 */
public record TargetGroupView(long id, long chatAppId, String name, @Nullable String description, boolean dynamic,
		List<String> filterTags, @Nullable String filterText, boolean archived, int memberCount) {

	static TargetGroupView of(TargetGroup group, int memberCount) {
		return new TargetGroupView(Objects.requireNonNull(group.getId()), group.getChatAppId(), group.getName(),
				group.getDescription(), group.isDynamic(), group.getFilterTags(), group.getFilterText(),
				group.getArchivedAt() != null, memberCount);
	}

}
