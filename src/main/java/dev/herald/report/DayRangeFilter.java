package dev.herald.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.herald.shared.web.IgnoredValue;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the send history's and the audit log's filters share as they travel in the URL:
 * days in the viewer's time zone (both ends included), the keyset cursor of the page,
 * links that carry the filter to another page or an export, and the values it could not
 * use, which the page names beside the fields.
 */
abstract class DayRangeFilter {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate to;

	private @Nullable String after;

	/**
	 * Whether the first day is after the last: no day lies between them, so there is
	 * nothing to search.
	 */
	public boolean backwards() {
		return this.from != null && this.to != null && this.from.isAfter(this.to);
	}

	/**
	 * Every value the filter could not use, named by its field's label, in the order the
	 * values were bound.
	 * @param binding the filter's binding result
	 * @return the values left out
	 */
	final List<IgnoredValue> ignored(Errors binding) {
		List<IgnoredValue> ignored = IgnoredValue.of(binding, this::labelKey);
		addIgnored(ignored);
		return List.copyOf(ignored);
	}

	/**
	 * The message key of a field's label.
	 * @param field the field's name
	 * @return the key
	 */
	String labelKey(String field) {
		return switch (field) {
			case "from" -> "reports.filter.from";
			case "to" -> "reports.filter.to";
			default -> "reports.filter.value";
		};
	}

	/**
	 * Adds values that bound but mean nothing to this kind of filter (an unknown status,
	 * say).
	 * @param ignored where to add them
	 */
	void addIgnored(List<IgnoredValue> ignored) {
	}

	/** Start of the first day in the zone, or null. */
	@Nullable Instant fromInstant(ZoneId zone) {
		return (this.from != null) ? this.from.atStartOfDay(zone).toInstant() : null;
	}

	/** Start of the day after the last one in the zone (exclusive end), or null. */
	@Nullable Instant untilInstant(ZoneId zone) {
		return (this.to != null) ? this.to.plusDays(1).atStartOfDay(zone).toInstant() : null;
	}

	/**
	 * The filter as query parameters, without the page cursor: what links carry and what
	 * the audit log records of an export.
	 */
	final Map<String, Object> parameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		put(parameters, "from", this.from);
		put(parameters, "to", this.to);
		addParameters(parameters);
		return parameters;
	}

	/** Adds the parameters of this kind of filter, in the order they show in a link. */
	abstract void addParameters(Map<String, Object> parameters);

	/**
	 * A link to this filter on another path or page.
	 * @param path for example {@code /reports/deliveries/export}
	 * @param cursor the page cursor, or {@code null}
	 * @param extra more parameter names and values, in pairs
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

	static void put(Map<String, Object> parameters, String name, @Nullable Object value) {
		if (value != null) {
			parameters.put(name, value.toString());
		}
	}

	/** Copies the day range (not the cursor) into another filter. */
	void copyDaysTo(DayRangeFilter other) {
		other.from = this.from;
		other.to = this.to;
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

	public @Nullable String getAfter() {
		return this.after;
	}

	public void setAfter(@Nullable String after) {
		this.after = after;
	}

}
