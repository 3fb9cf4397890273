package dev.herald.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The send history's filter as it travels in the URL, so that a view can be bookmarked
 * and shared. Dates are days in the viewer's time zone, both ends included.
 */
class HistoryForm {

	static final String NEWEST = "newest";

	static final String OLDEST = "oldest";

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate to;

	private @Nullable Long app;

	private @Nullable String account;

	private @Nullable Long campaign;

	private @Nullable Long run;

	private List<String> status = new ArrayList<>();

	private @Nullable Integer code;

	private @Nullable String msgKey;

	private String sort = NEWEST;

	private @Nullable String after;

	HistoryQuery toQuery(ZoneId zone) {
		return new HistoryQuery((this.from != null) ? this.from.atStartOfDay(zone).toInstant() : null,
				(this.to != null) ? this.to.plusDays(1).atStartOfDay(zone).toInstant() : null, this.app, this.account,
				this.campaign, this.run, this.status, this.code, this.msgKey, OLDEST.equals(this.sort),
				Cursor.parse(this.after));
	}

	/**
	 * The filter as query parameters, without the page cursor: what an export or the
	 * audit log records.
	 */
	Map<String, Object> parameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		put(parameters, "from", this.from);
		put(parameters, "to", this.to);
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
		return parameters;
	}

	/**
	 * A link to this filter on another path or page.
	 * @param path for example {@code /reports/deliveries/export}
	 * @param cursor the page cursor, or {@code null}
	 * @param extra one more parameter name and value, or nothing
	 * @return the path with the filter as query string
	 */
	public String link(String path, @Nullable Cursor cursor, String... extra) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		parameters().forEach((name, value) -> {
			if (value instanceof List<?> values) {
				values.forEach((item) -> uri.queryParam(name, item));
			}
			else {
				uri.queryParam(name, value);
			}
		});
		if (cursor != null) {
			uri.queryParam("after", cursor.token());
		}
		for (int i = 0; i + 1 < extra.length; i += 2) {
			uri.queryParam(extra[i], extra[i + 1]);
		}
		return uri.encode().build().toUriString();
	}

	/** The same filter in the other order, from its first page. */
	public String sortLink(String path) {
		HistoryForm other = copy();
		other.sort = OLDEST.equals(this.sort) ? NEWEST : OLDEST;
		return other.link(path, null);
	}

	private HistoryForm copy() {
		HistoryForm copy = new HistoryForm();
		copy.from = this.from;
		copy.to = this.to;
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

	private static void put(Map<String, Object> parameters, String name, @Nullable Object value) {
		if (value != null) {
			parameters.put(name, value.toString());
		}
	}

	public @Nullable LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(@Nullable LocalDate from) {
		this.from = from;
	}

	public @Nullable LocalDate getTo() {
		return this.to;
	}

	public void setTo(@Nullable LocalDate to) {
		this.to = to;
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

	public @Nullable String getAfter() {
		return this.after;
	}

	public void setAfter(@Nullable String after) {
		this.after = after;
	}

}
