package dev.herald.officialaccount;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.herald.shared.web.IgnoredValue;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * Which official accounts the list shows and a bulk action changes: the values of the
 * list's filter form, bound from request parameters (so the same filter travels in a
 * link, an htmx request and a bulk action's confirmation), plus the keyset cursor of the
 * page to show.
 */
class AccountFilter {

	/** What to do with archived accounts. */
	enum Archived {

		HIDE, SHOW, ONLY

	}

	private @Nullable Long app;

	private @Nullable String q;

	private @Nullable String tag;

	private boolean test;

	private Archived archived = Archived.HIDE;

	// The last row of the previous page: its app and account id.
	private @Nullable Long afterApp;

	private @Nullable String after;

	/**
	 * The values of the filter that could not be used and are left out, named by their
	 * field's label.
	 * @param binding the filter's binding result
	 * @return the values left out
	 */
	List<IgnoredValue> ignored(Errors binding) {
		return IgnoredValue.of(binding, (field) -> switch (field) {
			case "app" -> "accounts.app";
			case "archived" -> "accounts.archived.filter";
			case "test" -> "accounts.test.only";
			case "afterApp" -> "accounts.filter.position";
			default -> "accounts.filter";
		});
	}

	/** The tags asked for, normalised like an account's tags (public: pages call it). */
	public List<String> tags() {
		return Tags.parse(this.tag);
	}

	/** The search text (public: pages call it). */
	public String text() {
		return (this.q != null) ? this.q.strip() : "";
	}

	/** The same filter on its first page. */
	AccountFilter firstPage() {
		AccountFilter copy = new AccountFilter();
		copy.app = this.app;
		copy.q = this.q;
		copy.tag = this.tag;
		copy.test = this.test;
		copy.archived = this.archived;
		return copy;
	}

	/** What the audit log keeps of this filter. */
	Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("app", (this.app != null) ? this.app : "all");
		map.put("q", text());
		map.put("tags", tags());
		map.put("test", this.test);
		map.put("archived", this.archived.name());
		return map;
	}

	public @Nullable Long getApp() {
		return this.app;
	}

	public void setApp(@Nullable Long app) {
		this.app = app;
	}

	public @Nullable String getQ() {
		return this.q;
	}

	public void setQ(@Nullable String q) {
		this.q = q;
	}

	public @Nullable String getTag() {
		return this.tag;
	}

	public void setTag(@Nullable String tag) {
		this.tag = tag;
	}

	public boolean isTest() {
		return this.test;
	}

	public void setTest(boolean test) {
		this.test = test;
	}

	public Archived getArchived() {
		return this.archived;
	}

	public void setArchived(@Nullable Archived archived) {
		this.archived = (archived != null) ? archived : Archived.HIDE;
	}

	public @Nullable Long getAfterApp() {
		return this.afterApp;
	}

	public void setAfterApp(@Nullable Long afterApp) {
		this.afterApp = afterApp;
	}

	public @Nullable String getAfter() {
		return this.after;
	}

	public void setAfter(@Nullable String after) {
		this.after = after;
	}

}
