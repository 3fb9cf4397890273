package dev.herald.officialaccount;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

/**
 * A target group: its app (fixed once created), name, description, and either its members
 * (static) or its filter (dynamic). Members travel as one comma-separated field
 * ({@code members=1,2,3}) or an uploaded CSV of account ids, never one parameter each, so
 * no group size runs into the server's parameter limit.
 */
class TargetGroupForm {

	@NotNull
	private @Nullable Long chatAppId;

	@NotBlank
	@Size(max = 120)
	private @Nullable String name;

	@Size(max = 500)
	private @Nullable String description;

	private boolean dynamic;

	private Set<Long> members = new LinkedHashSet<>();

	private @Nullable MultipartFile membersFile;

	private CsvEncoding membersEncoding = CsvEncoding.UTF_8;

	// What the member picker searches for.
	private @Nullable String memberQuery;

	private @Nullable String filterTags;

	@Size(max = 150)
	private @Nullable String filterText;

	private long version;

	static TargetGroupForm of(TargetGroupView group, Set<Long> members, long version) {
		TargetGroupForm form = new TargetGroupForm();
		form.chatAppId = group.chatAppId();
		form.name = group.name();
		form.description = group.description();
		form.dynamic = group.dynamic();
		form.members = new LinkedHashSet<>(members);
		form.filterTags = String.join(" ", group.filterTags());
		form.filterText = group.filterText();
		form.version = version;
		return form;
	}

	/** The members as the hidden field carries them. */
	public String getMembersField() {
		return String.join(",", this.members.stream().map(String::valueOf).toList());
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

	public boolean isDynamic() {
		return this.dynamic;
	}

	public void setDynamic(boolean dynamic) {
		this.dynamic = dynamic;
	}

	public Set<Long> getMembers() {
		return this.members;
	}

	public void setMembers(@Nullable Set<Long> members) {
		this.members = (members != null) ? new LinkedHashSet<>(members) : new LinkedHashSet<>();
	}

	public @Nullable MultipartFile getMembersFile() {
		return this.membersFile;
	}

	public void setMembersFile(@Nullable MultipartFile membersFile) {
		this.membersFile = membersFile;
	}

	public CsvEncoding getMembersEncoding() {
		return this.membersEncoding;
	}

	public void setMembersEncoding(@Nullable CsvEncoding membersEncoding) {
		this.membersEncoding = (membersEncoding != null) ? membersEncoding : CsvEncoding.UTF_8;
	}

	public @Nullable String getMemberQuery() {
		return this.memberQuery;
	}

	public void setMemberQuery(@Nullable String memberQuery) {
		this.memberQuery = memberQuery;
	}

	public @Nullable String getFilterTags() {
		return this.filterTags;
	}

	public void setFilterTags(@Nullable String filterTags) {
		this.filterTags = filterTags;
	}

	public @Nullable String getFilterText() {
		return this.filterText;
	}

	public void setFilterText(@Nullable String filterText) {
		this.filterText = filterText;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
