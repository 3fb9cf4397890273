package dev.herald.campaign;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignFieldsTests {

	@Test
	void onlyRealChangesCountAndScheduleFieldsFollowTheKind() {
		CampaignForm before = weekly();
		CampaignForm same = weekly();
		same.setTags("vip,  region:apac");
		same.setDays(List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.MONDAY));
		// a time of day left from another kind is not part of a ONCE schedule
		same.setOnceAt(LocalDateTime.of(2030, 1, 1, 9, 0));
		assertThat(CampaignFields.of(before).changesTo(CampaignFields.of(same))).isEmpty();

		CampaignForm after = weekly();
		after.setLabel("Renamed");
		after.setKind(ScheduleKind.ONCE);
		after.setOnceAt(LocalDateTime.of(2030, 1, 1, 9, 0, 42));
		assertThat(CampaignFields.of(before).changesTo(CampaignFields.of(after)))
			.containsOnlyKeys("label", "kind", "onceAt", "timeOfDay", "days")
			.hasEntrySatisfying("onceAt", (change) -> {
				assertThat(change.before()).isNull();
				assertThat(change.after()).isEqualTo("2030-01-01T09:00");
			})
			.hasEntrySatisfying("days", (change) -> assertThat(change.before()).isEqualTo("MONDAY,FRIDAY"));
	}

	@Test
	void aBaselineSurvivesTheHiddenFieldAndAGarbledOneIsUnknown() {
		CampaignFields fields = CampaignFields.of(weekly());
		assertThat(CampaignFields.decode(fields.encoded())).isEqualTo(fields);
		assertThat(CampaignFields.decode("not base64 at all!")).isNull();
		assertThat(CampaignFields.decode("bm90IGpzb24")).isNull();
		assertThat(CampaignFields.decode("")).isNull();
		assertThat(CampaignFields.decode(null)).isNull();
	}

	private static CampaignForm weekly() {
		CampaignForm form = new CampaignForm();
		form.setLabel("Weekly news");
		form.setChatAppId(1L);
		form.setVersionId(7L);
		form.setAccountIds(List.of(3L, 2L));
		form.setTags("region:apac, vip");
		form.setKind(ScheduleKind.WEEKLY);
		form.setZone("Europe/Berlin");
		form.setTimeOfDay(LocalTime.of(9, 30));
		form.setDays(List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
		form.setLateMinutes(15);
		return form;
	}

}
