package dev.herald.report;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.herald.shared.web.IgnoredValue;
import org.jspecify.annotations.Nullable;

/**
 * The send history's filter as it travels in the URL, so that a view can be bookmarked
 * and shared. Dates are days in the viewer's time zone, both ends included.
 */
class HistoryForm extends DayRangeFilter {

	static final String NEWEST = "newest";

	static final String OLDEST = "oldest";

	private @Nullable Long app;

	private @Nullable String account;

	private @Nullable Long campaign;

	private @Nullable Long run;

	private List<String> status = new ArrayList<>();

	private @Nullable Integer code;

	private @Nullable String msgKey;

	private String sort = NEWEST;

	private static final Map<String, String> LABELS = Map.of("app", "reports.column.app", "account",
			"reports.column.account", "campaign", "reports.column.campaign", "run", "reports.column.run", "status",
			"reports.column.status", "code", "reports.column.errorCode", "msgKey", "reports.filter.msgKey");

	@Override
	String labelKey(String field) {
		return LABELS.getOrDefault(field, super.labelKey(field));
	}

	@Override
	void addIgnored(List<IgnoredValue> ignored) {
		this.status.stream()
			.filter((status) -> !DeliveryStatuses.ALL.contains(status))
			.distinct()
			.forEach((status) -> ignored.add(new IgnoredValue(labelKey("status"), status)));
	}

	HistoryQuery toQuery(ZoneId zone) {
		return new HistoryQuery(fromInstant(zone), untilInstant(zone), this.app, this.account, this.campaign, this.run,
				this.status, this.code, this.msgKey, OLDEST.equals(this.sort), Cursor.parse(getAfter()));
	}

	@Override
	void addParameters(Map<String, Object> parameters) {
		put(parameters, "app", this.app);
		put(parameters, "account", this.account);
		put(parameters, "campaign", this.campaign);
		put(parameters, "run", this.run);
		if (!this.status.isEmpty()) {
			parameters.put("status", List.copyOf(this.status));
		}
		put(parameters, "code", this.code);
		put(parameters, "msgKey", this.msgKey);
		if (!NEWEST.equals(this.sort)) {
			parameters.put("sort", this.sort);
		}
	}

	/** The same filter in the other order, from its first page. */
	public String sortLink(String path) {
		HistoryForm other = copy();
		other.sort = OLDEST.equals(this.sort) ? NEWEST : OLDEST;
		return other.link(path, null);
	}

	private HistoryForm copy() {
		HistoryForm copy = new HistoryForm();
		copyDaysTo(copy);
		copy.app = this.app;
		copy.account = this.account;
		copy.campaign = this.campaign;
		copy.run = this.run;
		copy.status = new ArrayList<>(this.status);
		copy.code = this.code;
		copy.msgKey = this.msgKey;
		copy.sort = this.sort;
		return copy;
	}

	public @Nullable Long getApp() {
		return this.app;
	}

	public void setApp(@Nullable Long app) {
		this.app = app;
	}

	public @Nullable String getAccount() {
		return this.account;
	}

	public void setAccount(@Nullable String account) {
		this.account = account;
	}

	public @Nullable Long getCampaign() {
		return this.campaign;
	}

	public void setCampaign(@Nullable Long campaign) {
		this.campaign = campaign;
	}

	public @Nullable Long getRun() {
		return this.run;
	}

	public void setRun(@Nullable Long run) {
		this.run = run;
	}

	public List<String> getStatus() {
		return this.status;
	}

	public void setStatus(@Nullable List<String> status) {
		this.status = (status != null) ? new ArrayList<>(status) : new ArrayList<>();
	}

	public @Nullable Integer getCode() {
		return this.code;
	}

	public void setCode(@Nullable Integer code) {
		this.code = code;
	}

	public @Nullable String getMsgKey() {
		return this.msgKey;
	}

	public void setMsgKey(@Nullable String msgKey) {
		this.msgKey = msgKey;
	}

	public String getSort() {
		return this.sort;
	}

	public void setSort(@Nullable String sort) {
		this.sort = OLDEST.equals(sort) ? OLDEST : NEWEST;
	}

}
