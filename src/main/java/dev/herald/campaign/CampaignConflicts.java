package dev.herald.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.herald.audit.AuditEntry;
import dev.herald.draft.ApprovedVersions;
import dev.herald.officialaccount.OfficialAccountView;
import dev.herald.officialaccount.OfficialAccounts;
import dev.herald.officialaccount.TargetGroupView;
import dev.herald.shared.web.ChangedValue;
import dev.herald.shared.web.EditConflict;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * What the campaign editor shows when a save lost the race: who changed the campaign last
 * (from its audit trail), which fields changed in between, and for "merge by hand" the
 * saved value beside every field the typed input differs in, all in words rather than
 * ids. The campaign controller's helper, built from its collaborators.
 */
class CampaignConflicts {

	private final ApprovedVersions versions;

	private final OfficialAccounts accounts;

	private final MessageSource messages;

	CampaignConflicts(ApprovedVersions versions, OfficialAccounts accounts, MessageSource messages) {
		this.versions = versions;
		this.accounts = accounts;
		this.messages = messages;
	}

	EditConflict conflict(CampaignDetail saved) {
		List<AuditEntry> timeline = saved.timeline();
		if (timeline.isEmpty()) {
			return new EditConflict(saved.createdBy(), saved.createdAt(), "audit.action.campaign.created",
					saved.version());
		}
		AuditEntry last = timeline.get(timeline.size() - 1);
		return new EditConflict(last.actor(), last.occurredAt(), last.messageKey(), saved.version());
	}

	/**
	 * The fields that differ from {@code before} to {@code after}, labelled, in words.
	 */
	List<ChangedValue> changes(CampaignFields before, CampaignFields after, long chatAppId, Locale locale) {
		List<ChangedValue> changes = new ArrayList<>();
		before.changesTo(after)
			.forEach((field,
					change) -> changes.add(new ChangedValue(CampaignFields.LABELS.get(field),
							shown(field, change.before(), chatAppId, locale),
							shown(field, change.after(), chatAppId, locale))));
		return changes;
	}

	/**
	 * The saved value, in words, of every field the typed input differs in; an empty
	 * saved value is the empty string.
	 */
	Map<String, String> theirs(CampaignFields typed, CampaignFields saved, long chatAppId, Locale locale) {
		Map<String, String> theirs = new LinkedHashMap<>();
		typed.changesTo(saved).forEach((field, change) -> {
			String value = shown(field, change.after(), chatAppId, locale);
			theirs.put(field, (value != null) ? value : "");
		});
		return theirs;
	}

	private @Nullable String shown(String field, @Nullable String value, long chatAppId, Locale locale) {
		if (value == null) {
			return null;
		}
		return switch (field) {
			case "versionId" -> ids(value).stream()
				.findFirst()
				.flatMap(this.versions::findApproved)
				.map((v) -> message("campaigns.version.option", locale, v.title(), v.number(), v.approvedBy()))
				.orElse(value);
			case "allAccounts" ->
				message(Boolean.parseBoolean(value) ? "conflict.flag.on" : "conflict.flag.off", locale);
			case "groupIds" -> named(value,
					this.accounts.groupsOf(chatAppId)
						.stream()
						.collect(Collectors.toMap(TargetGroupView::id, TargetGroupView::name)));
			case "accountIds" -> named(value,
					this.accounts.views(ids(value))
						.stream()
						.collect(Collectors.toMap(OfficialAccountView::id, OfficialAccountView::accountId)));
			case "kind" -> word("campaigns.kind.", value, locale);
			case "days" -> Arrays.stream(value.split(","))
				.map((day) -> word("campaigns.day.", day, locale))
				.collect(Collectors.joining(", "));
			default -> value;
		};
	}

	/** Ids in words where known; an id no longer known stays a number. */
	private static String named(String ids, Map<Long, String> names) {
		return Arrays.stream(ids.split(","))
			.map((id) -> ids(id).stream().findFirst().map(names::get).orElse(id))
			.collect(Collectors.joining(", "));
	}

	/**
	 * The ids in a comma-separated value. A baseline comes back from a hidden field, so
	 * anything that is not a number is skipped rather than trusted.
	 */
	private static List<Long> ids(String ids) {
		List<Long> parsed = new ArrayList<>();
		for (String id : ids.split(",")) {
			try {
				parsed.add(Long.valueOf(id.trim()));
			}
			catch (NumberFormatException ex) {
				// not an id: shown as typed
			}
		}
		return parsed;
	}

	/** An enum value in words; a value no message knows (a forged baseline) as it is. */
	private String word(String prefix, String value, Locale locale) {
		String word = this.messages.getMessage(prefix + value, null, value, locale);
		return (word != null) ? word : value;
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
