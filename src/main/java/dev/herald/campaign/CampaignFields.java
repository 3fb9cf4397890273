package dev.herald.campaign;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.herald.officialaccount.Tags;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The campaign editor's fields as plain values, for an edit conflict: what changed
 * between the state a form was opened from and the saved one, and where the typed input
 * differs from the saved one. Values are normalised (sorted ids, parsed tags) so that
 * only real changes count; schedule fields appear only for the schedule kinds that use
 * them.
 *
 * @param values field name to value, in the editor's order; absent means empty
 */
record CampaignFields(Map<String, String> values) {

	/** Every field in the editor's order, with the message key of its label. */
	static final Map<String, String> LABELS = labels();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static CampaignFields of(CampaignForm form) {
		Map<String, String> values = new LinkedHashMap<>();
		put(values, "label", (form.getLabel() != null) ? form.getLabel().trim() : null);
		put(values, "versionId", (form.getVersionId() != null) ? form.getVersionId().toString() : null);
		values.put("allAccounts", String.valueOf(form.isAllAccounts()));
		put(values, "groupIds", ids(form.getGroupIds()));
		put(values, "tags", String.join(", ", Tags.parse(form.getTags())));
		put(values, "accountIds", ids(form.getAccountIds()));
		ScheduleKind kind = form.getKind();
		put(values, "kind", kind.name());
		put(values, "zone", form.getZone());
		if (kind == ScheduleKind.ONCE && form.getOnceAt() != null) {
			put(values, "onceAt", form.getOnceAt().withSecond(0).withNano(0).toString());
		}
		if ((kind == ScheduleKind.DAILY || kind == ScheduleKind.WEEKLY) && form.getTimeOfDay() != null) {
			put(values, "timeOfDay", form.getTimeOfDay().withSecond(0).withNano(0).toString());
		}
		if (kind == ScheduleKind.WEEKLY) {
			put(values, "days",
					form.getDays()
						.stream()
						.filter(Objects::nonNull)
						.distinct()
						.sorted()
						.map(DayOfWeek::name)
						.collect(Collectors.joining(",")));
		}
		if (kind == ScheduleKind.CRON) {
			put(values, "cron", form.getCron());
		}
		if (kind != ScheduleKind.ONCE && kind != ScheduleKind.NOW && form.getEndDate() != null) {
			put(values, "endDate", form.getEndDate().toString());
		}
		put(values, "lateMinutes", (form.getLateMinutes() != null) ? form.getLateMinutes().toString() : null);
		return new CampaignFields(values);
	}

	/**
	 * Reads what {@link #encoded()} wrote. The value travels in a hidden field: anything
	 * unreadable means "not known", never an error.
	 * @return the fields, or {@code null}
	 */
	static @Nullable CampaignFields decode(@Nullable String encoded) {
		if (encoded == null || encoded.isBlank()) {
			return null;
		}
		try {
			String json = new String(Base64.getUrlDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
			Map<String, String> values = JSON.readValue(json, new TypeReference<Map<String, String>>() {
			});
			values.keySet().retainAll(LABELS.keySet());
			values.values().removeIf(Objects::isNull);
			return new CampaignFields(values);
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return null;
		}
	}

	/** The fields as one hidden-field value. */
	String encoded() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(JSON.writeValueAsString(this.values).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The fields whose value differs, in the editor's order.
	 * @return field name to its value here (null for empty) and there
	 */
	Map<String, Change> changesTo(CampaignFields other) {
		Map<String, Change> changes = new LinkedHashMap<>();
		for (String field : LABELS.keySet()) {
			String here = this.values.get(field);
			String there = other.values.get(field);
			if (!Objects.equals(here, there)) {
				changes.put(field, new Change(here, there));
			}
		}
		return changes;
	}

	/** One field's value before and after; {@code null} is empty. */
	record Change(@Nullable String before, @Nullable String after) {

	}

	private static void put(Map<String, String> values, String field, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			values.put(field, value.trim());
		}
	}

	private static String ids(List<Long> ids) {
		return ids.stream()
			.filter(Objects::nonNull)
			.distinct()
			.sorted(Comparator.naturalOrder())
			.map(String::valueOf)
			.collect(Collectors.joining(","));
	}

	private static Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("label", "campaigns.label");
		labels.put("versionId", "campaigns.version");
		labels.put("allAccounts", "campaigns.targets.all");
		labels.put("groupIds", "campaigns.targets.groups");
		labels.put("tags", "campaigns.targets.tags");
		labels.put("accountIds", "campaigns.targets.accounts");
		labels.put("kind", "campaigns.schedule");
		labels.put("zone", "campaigns.zone");
		labels.put("onceAt", "campaigns.onceAt");
		labels.put("timeOfDay", "campaigns.timeOfDay");
		labels.put("days", "campaigns.days");
		labels.put("cron", "campaigns.cron");
		labels.put("endDate", "campaigns.endDate");
		labels.put("lateMinutes", "campaigns.lateMinutes");
		return Collections.unmodifiableMap(labels);
	}

}
