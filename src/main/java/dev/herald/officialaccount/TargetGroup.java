package dev.herald.officialaccount;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A named set of official accounts of one Chat app ("All APAC stores"): static (chosen
 * members) or dynamic (a saved filter on tags and name, resolved whenever it is used).
 */
@Entity
@Table(name = "target_group")
class TargetGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long chatAppId;

	private String name;

	private @Nullable String description;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "target_group_member", joinColumns = @JoinColumn(name = "target_group_id"))
	@Column(name = "official_account_id")
	private Set<Long> members = new LinkedHashSet<>();

	private boolean dynamic;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> filterTags = new ArrayList<>();

	private @Nullable String filterText;

	private @Nullable Instant archivedAt;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	@SuppressWarnings("NullAway.Init")
	protected TargetGroup() {
	}

	TargetGroup(long chatAppId, String name, @Nullable String description, Set<Long> members, Instant now) {
		this.chatAppId = chatAppId;
		this.name = name;
		this.description = description;
		this.members = new LinkedHashSet<>(members);
		this.createdAt = now;
		this.updatedAt = now;
	}

	void update(String name, @Nullable String description, Set<Long> members, Instant now) {
		this.name = name;
		this.description = description;
		this.members.clear();
		this.members.addAll(members);
		this.updatedAt = now;
	}

	/** Makes this group a saved filter; its static members are dropped. */
	void filterBy(List<String> tags, @Nullable String text) {
		this.dynamic = true;
		this.filterTags = new ArrayList<>(tags);
		this.filterText = (text == null || text.isBlank()) ? null : text.strip();
		this.members.clear();
	}

	/** Makes this group a static set of members. */
	void fixMembers() {
		this.dynamic = false;
		this.filterTags = new ArrayList<>();
		this.filterText = null;
	}

	void archive(Instant now) {
		if (this.archivedAt == null) {
			this.archivedAt = now;
			this.updatedAt = now;
		}
	}

	void restore(Instant now) {
		this.archivedAt = null;
		this.updatedAt = now;
	}

	boolean isDynamic() {
		return this.dynamic;
	}

	List<String> getFilterTags() {
		return List.copyOf(this.filterTags);
	}

	@Nullable String getFilterText() {
		return this.filterText;
	}

	@Nullable Instant getArchivedAt() {
		return this.archivedAt;
	}

	@Nullable Long getId() {
		return this.id;
	}

	long getChatAppId() {
		return this.chatAppId;
	}

	String getName() {
		return this.name;
	}

	@Nullable String getDescription() {
		return this.description;
	}

	Set<Long> getMembers() {
		return Set.copyOf(this.members);
	}

	long getVersion() {
		return this.version;
	}

}
