package dev.herald.officialaccount;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A target group: its app (fixed once created), name, description and members.
 */
class TargetGroupForm {

	@NotNull
	private @Nullable Long chatAppId;

	@NotBlank
	@Size(max = 120)
	private @Nullable String name;

	@Size(max = 500)
	private @Nullable String description;

	@NotEmpty
	private Set<Long> members = new LinkedHashSet<>();

	private long version;

	static TargetGroupForm of(TargetGroupView group, Set<Long> members, long version) {
		TargetGroupForm form = new TargetGroupForm();
		form.chatAppId = group.chatAppId();
		form.name = group.name();
		form.description = group.description();
		form.members = new LinkedHashSet<>(members);
		form.version = version;
		return form;
	}

	public @Nullable Long getChatAppId() {
		return this.chatAppId;
	}

	public void setChatAppId(@Nullable Long chatAppId) {
		this.chatAppId = chatAppId;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public Set<Long> getMembers() {
		return this.members;
	}

	public void setMembers(@Nullable Set<Long> members) {
		this.members = (members != null) ? members : new LinkedHashSet<>();
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
