package dev.herald.draft;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComposerConflictTests {

	@Test
	void theirsHoldsTheSavedValueOfEveryFieldThatDiffers() {
		DraftForm saved = Composition.toForm("""
				{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"Saved"}},\
				{"MsgType":"TIMFaceElem","MsgContent":{"Index":1,"Data":"smile"}}],\
				"OfflinePushInfo":{"Title":"Push"},"OnlineOnlyFlag":1}""");
		saved.setTitle("Title");
		DraftForm mine = Composition.toForm("""
				{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"Mine"}},\
				{"MsgType":"TIMCustomElem","MsgContent":{"Data":"x"}}]}""");
		mine.setTitle(" Title ");
		mine.setNotes("");

		assertThat(ComposerConflict.theirs(mine, saved, (on) -> on ? "on" : "off")).containsExactly(
				Map.entry("elements[0].fields[Text]", "Saved"), Map.entry("pushTitle", "Push"),
				Map.entry("onlineOnly", "on"));
	}

}
