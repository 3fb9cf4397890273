package dev.herald.officialaccount;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A target group as other modules and pages see it.
 *
 * @param members ids of the member official accounts
 */
public record TargetGroupView(long id, long chatAppId, String name, @Nullable String description, Set<Long> members) {

	static TargetGroupView of(TargetGroup group) {
		return new TargetGroupView(java.util.Objects.requireNonNull(group.getId()), group.getChatAppId(),
				group.getName(), group.getDescription(), group.getMembers());
	}

}
