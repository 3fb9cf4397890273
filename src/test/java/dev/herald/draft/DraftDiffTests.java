package dev.herald.draft;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DraftDiffTests {

	private static final String BEFORE = """
			{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"Hello"}},\
			{"MsgType":"TIMFaceElem","MsgContent":{"Index":1}}],\
			"OfflinePushInfo":{"Desc":"old push"},"SendMsgControl":["NoLastMsg"]}""";

	@Test
	void identicalContentHasNoChanges() {
		assertThat(DraftDiff.between(BEFORE, BEFORE).isEmpty()).isTrue();
	}

	@Test
	void reportsChangedFieldsOfAnElementWithOldAndNewValue() {
		String after = BEFORE.replace("\"Text\":\"Hello\"", "\"Text\":\"Hello world\"");
		DraftDiff diff = DraftDiff.between(BEFORE, after);
		assertThat(diff.fields()).isEmpty();
		assertThat(diff.elements()).singleElement().satisfies((element) -> {
			assertThat(element.kind()).isEqualTo(DraftDiff.Kind.CHANGED);
			assertThat(element.position()).isEqualTo(1);
			assertThat(element.type()).isEqualTo("TIMTextElem");
			assertThat(element.fields()).containsExactly(new DraftDiff.FieldChange("Text", "Hello", "Hello world"));
		});
	}

	@Test
	void reportsAddedAndRemovedElementsAndTypeChangesAsBoth() {
		String after = """
				{"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"Hello"}},\
				{"MsgType":"TIMCustomElem","MsgContent":{"Data":"x","Desc":"Sale"}},\
				{"MsgType":"TIMTextElem","MsgContent":{"Text":"Bye"}}],\
				"OfflinePushInfo":{"Desc":"old push"},"SendMsgControl":["NoLastMsg"]}""";
		DraftDiff diff = DraftDiff.between(BEFORE, after);
		assertThat(diff.elements())
			.extracting(DraftDiff.ElementChange::kind, DraftDiff.ElementChange::position, DraftDiff.ElementChange::type)
			.containsExactly(Tuple.tuple(DraftDiff.Kind.REMOVED, 2, "TIMFaceElem"),
					Tuple.tuple(DraftDiff.Kind.ADDED, 2, "TIMCustomElem"),
					Tuple.tuple(DraftDiff.Kind.ADDED, 3, "TIMTextElem"));
		assertThat(diff.elements().get(1).fields()).containsExactly(new DraftDiff.FieldChange("Data", null, "x"),
				new DraftDiff.FieldChange("Desc", null, "Sale"));
	}

	@Test
	void reportsFieldsOutsideTheBodyByPath() {
		String after = BEFORE.replace("old push", "new push")
			.replace(",\"SendMsgControl\":[\"NoLastMsg\"]", ",\"OnlineOnlyFlag\":1");
		DraftDiff diff = DraftDiff.between(BEFORE, after);
		assertThat(diff.elements()).isEmpty();
		assertThat(diff.fields()).containsExactly(
				new DraftDiff.FieldChange("OfflinePushInfo.Desc", "old push", "new push"),
				new DraftDiff.FieldChange("SendMsgControl", "NoLastMsg", null),
				new DraftDiff.FieldChange("OnlineOnlyFlag", null, "1"));
	}

	@Test
	void firstReviewComparesAgainstNothing() {
		DraftDiff diff = DraftDiff.between("{}", BEFORE);
		assertThat(diff.elements()).extracting(DraftDiff.ElementChange::kind)
			.containsExactly(DraftDiff.Kind.ADDED, DraftDiff.Kind.ADDED);
	}

}
