package dev.herald.campaign;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import dev.herald.officialaccount.AudienceSource;
import dev.herald.officialaccount.Tags;
import dev.herald.shared.web.FormSubmission;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The campaign editor's fields. {@link #toCommand} turns them into a command, putting
 * every problem beside its field.
 */
class CampaignForm {

	@NotBlank
	@Size(max = 200)
	private @Nullable String label;

	@NotNull
	private @Nullable Long chatAppId;

	@NotNull
	private @Nullable Long versionId;

	// The audience travels as a few values, never one field per account: "every account",
	// group ids, tags, and hand-picked account ids in one comma-separated field.
	private boolean allAccounts;

	private List<Long> groupIds = new ArrayList<>();

	private @Nullable String tags;

	private List<Long> accountIds = new ArrayList<>();

	private @Nullable String submissionToken;

	@NotNull
	private ScheduleKind kind = ScheduleKind.ONCE;

	private @Nullable String zone;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime onceAt;

	@DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
	private @Nullable LocalTime timeOfDay;

	private List<DayOfWeek> days = new ArrayList<>();

	private @Nullable String cron;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate endDate;

	@NotNull
	@Range(min = 0, max = 1440)
	private @Nullable Integer lateMinutes = LateFirePolicy.DEFAULT_MINUTES;

	private @Nullable Long version;

	/**
	 * The saved fields the edit form was opened from ({@link CampaignFields#encoded()}),
	 * so that a save that lost the race can show what changed in between. Display only:
	 * the lock is {@link #version}.
	 */
	private @Nullable String baseline;

	static CampaignForm of(CampaignDetail detail) {
		CampaignForm form = new CampaignForm();
		Schedule schedule = detail.schedule();
		form.label = detail.label();
		form.chatAppId = detail.chatAppId();
		form.versionId = detail.versionId();
		for (AudienceSource source : detail.sources()) {
			switch (source.kind()) {
				case APP -> form.allAccounts = true;
				case GROUP -> form.groupIds.add(source.refId());
				case ACCOUNT -> form.accountIds.add(source.refId());
				case TAG -> form.tags = (form.tags == null) ? source.tag() : form.tags + ", " + source.tag();
			}
		}
		form.kind = (schedule.kind() == ScheduleKind.NOW) ? ScheduleKind.ONCE : schedule.kind();
		form.zone = schedule.zone().getId();
		form.onceAt = (schedule.fireAt() != null)
				? LocalDateTime.ofInstant(schedule.fireAt(), schedule.zone()).withSecond(0).withNano(0) : null;
		form.timeOfDay = schedule.timeOfDay();
		form.days = new ArrayList<>(schedule.days());
		form.cron = (schedule.kind() == ScheduleKind.CRON) ? schedule.cron() : null;
		form.endDate = schedule.endDate();
		form.lateMinutes = detail.lateMinutes();
		form.version = detail.version();
		return form;
	}

	/**
	 * The command, or {@code null} when a field is wrong (the errors say which).
	 * @param clock the current time, for "not in the past"
	 * @param errors where problems go, by field
	 * @return the command, or {@code null}
	 */
	@Nullable CampaignCommand toCommand(Clock clock, Errors errors) {
		List<AudienceSource> sources = sources();
		String tagProblem = Tags.problem(Tags.parse(this.tags));
		if (tagProblem != null) {
			errors.rejectValue("tags", tagProblem);
		}
		else if (sources.isEmpty()) {
			errors.rejectValue("accountIds", "campaigns.targets.none");
		}
		Schedule schedule = schedule(clock, errors);
		if (errors.hasErrors() || schedule == null || this.label == null || this.chatAppId == null
				|| this.versionId == null || this.lateMinutes == null) {
			return null;
		}
		return new CampaignCommand(this.label, this.chatAppId, this.versionId, sources, schedule,
				new LateFirePolicy(this.lateMinutes), FormSubmission.token(this.submissionToken));
	}

	/** The audience as chosen, without duplicates. */
	List<AudienceSource> sources() {
		List<AudienceSource> sources = new ArrayList<>();
		if (this.allAccounts) {
			sources.add(AudienceSource.wholeApp());
		}
		this.groupIds.stream().filter(Objects::nonNull).distinct().map(AudienceSource::group).forEach(sources::add);
		Tags.parse(this.tags).stream().map(AudienceSource::tagged).forEach(sources::add);
		this.accountIds.stream().filter(Objects::nonNull).distinct().map(AudienceSource::account).forEach(sources::add);
		return sources;
	}

	private @Nullable Schedule schedule(Clock clock, Errors errors) {
		if (this.zone == null) {
			errors.rejectValue("zone", "campaigns.zone.required");
			return null;
		}
		ZoneId zoneId;
		try {
			zoneId = ZoneId.of(this.zone);
		}
		catch (DateTimeException ex) {
			errors.rejectValue("zone", "campaigns.zone.unknown", new Object[] { this.zone }, null);
			return null;
		}
		Instant now = clock.instant();
		LocalDate today = now.atZone(zoneId).toLocalDate();
		switch (this.kind) {
			case NOW:
				return Schedule.now(now, zoneId);
			case ONCE:
				if (this.onceAt == null) {
					errors.rejectValue("onceAt", "campaigns.onceAt.required");
					return null;
				}
				Instant at = this.onceAt.atZone(zoneId).toInstant();
				if (!at.isAfter(now)) {
					errors.rejectValue("onceAt", "campaigns.onceAt.past");
					return null;
				}
				return Schedule.once(at, zoneId);
			case DAILY:
			case WEEKLY:
				if (this.timeOfDay == null) {
					errors.rejectValue("timeOfDay", "campaigns.timeOfDay.required");
				}
				if (this.kind == ScheduleKind.WEEKLY && this.days.isEmpty()) {
					errors.rejectValue("days", "campaigns.days.required");
				}
				break;
			case CRON:
				if (this.cron == null || !CronExpression.isValidExpression(this.cron)) {
					errors.rejectValue("cron", "campaigns.cron.invalid");
				}
				break;
			default:
				break;
		}
		if (this.endDate != null && this.endDate.isBefore(today)) {
			errors.rejectValue("endDate", "campaigns.endDate.beforeStart", new Object[] { today.toString() }, null);
		}
		if (errors.hasFieldErrors("timeOfDay") || errors.hasFieldErrors("days") || errors.hasFieldErrors("cron")
				|| errors.hasFieldErrors("endDate")) {
			return null;
		}
		if (this.kind == ScheduleKind.DAILY) {
			return Schedule.daily(Objects.requireNonNull(this.timeOfDay), zoneId, this.endDate);
		}
		if (this.kind == ScheduleKind.WEEKLY) {
			return Schedule.weekly(new LinkedHashSet<>(this.days), Objects.requireNonNull(this.timeOfDay), zoneId,
					this.endDate);
		}
		return Schedule.cron(Objects.requireNonNull(this.cron), zoneId, this.endDate);
	}

	public @Nullable String getLabel() {
		return this.label;
	}

	public void setLabel(@Nullable String label) {
		this.label = label;
	}

	public @Nullable Long getChatAppId() {
		return this.chatAppId;
	}

	public void setChatAppId(@Nullable Long chatAppId) {
		this.chatAppId = chatAppId;
	}

	public @Nullable Long getVersionId() {
		return this.versionId;
	}

	public void setVersionId(@Nullable Long versionId) {
		this.versionId = versionId;
	}

	public List<Long> getAccountIds() {
		return this.accountIds;
	}

	public void setAccountIds(@Nullable List<Long> accountIds) {
		this.accountIds = (accountIds != null) ? accountIds : new ArrayList<>();
	}

	public boolean isAllAccounts() {
		return this.allAccounts;
	}

	public void setAllAccounts(boolean allAccounts) {
		this.allAccounts = allAccounts;
	}

	public @Nullable String getTags() {
		return this.tags;
	}

	public void setTags(@Nullable String tags) {
		this.tags = tags;
	}

	public @Nullable String getSubmissionToken() {
		return this.submissionToken;
	}

	public void setSubmissionToken(@Nullable String submissionToken) {
		this.submissionToken = submissionToken;
	}

	public List<Long> getGroupIds() {
		return this.groupIds;
	}

	public void setGroupIds(@Nullable List<Long> groupIds) {
		this.groupIds = (groupIds != null) ? groupIds : new ArrayList<>();
	}

	public ScheduleKind getKind() {
		return this.kind;
	}

	public void setKind(@Nullable ScheduleKind kind) {
		this.kind = (kind != null) ? kind : ScheduleKind.ONCE;
	}

	public @Nullable String getZone() {
		return this.zone;
	}

	public void setZone(@Nullable String zone) {
		this.zone = zone;
	}

	public @Nullable LocalDateTime getOnceAt() {
		return this.onceAt;
	}

	public void setOnceAt(@Nullable LocalDateTime onceAt) {
		this.onceAt = onceAt;
	}

	public @Nullable LocalTime getTimeOfDay() {
		return this.timeOfDay;
	}

	public void setTimeOfDay(@Nullable LocalTime timeOfDay) {
		this.timeOfDay = timeOfDay;
	}

	public List<DayOfWeek> getDays() {
		return this.days;
	}

	public void setDays(@Nullable List<DayOfWeek> days) {
		this.days = (days != null) ? days : new ArrayList<>();
	}

	public @Nullable String getCron() {
		return this.cron;
	}

	public void setCron(@Nullable String cron) {
		this.cron = cron;
	}

	public @Nullable LocalDate getEndDate() {
		return this.endDate;
	}

	public void setEndDate(@Nullable LocalDate endDate) {
		this.endDate = endDate;
	}

	public @Nullable Integer getLateMinutes() {
		return this.lateMinutes;
	}

	public void setLateMinutes(@Nullable Integer lateMinutes) {
		this.lateMinutes = lateMinutes;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	public @Nullable String getBaseline() {
		return this.baseline;
	}

	public void setBaseline(@Nullable String baseline) {
		this.baseline = baseline;
	}

}
