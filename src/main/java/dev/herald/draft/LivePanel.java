package dev.herald.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.herald.tencent.MessageValidator;
import dev.herald.tencent.MsgElement;
import dev.herald.tencent.OfficialAccountMessage;
import dev.herald.tencent.OfflinePushInfo;
import dev.herald.tencent.ValidationReport;
import dev.herald.tencent.Violation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * What the composer's live panel shows: the exact content JSON, its size against the 12
 * KB limit, the validator's findings and a phone-style preview with the offline push.
 *
 * @param json the content JSON as it will be stored
 * @param sizeBytes size of the whole send body (with a placeholder OA and the longest
 * Random), or -1
 * @param incomplete some typed values could not be used, so the JSON leaves them out
 */
record LivePanel(String json, int sizeBytes, int maxBytes, List<Finding> errors, List<Finding> warnings,
		@Nullable String pushTitle, String pushText, boolean pushDisabled, List<Bubble> bubbles, boolean incomplete) {

	/** A validator finding in the reader's language. */
	record Finding(String path, String text) {

	}

	/** One message bubble on the phone. */
	record Bubble(String type, String text) {

	}

	/**
	 * The panel of a composition: typed values it could not use first, then the
	 * validator's findings about the rest (one finding per problem, as beside the
	 * fields).
	 */
	static LivePanel of(Composition composition, ValidationReport report,
			Function<MessageSourceResolvable, String> words) {
		OfficialAccountMessage message = composition.message();
		OfflinePushInfo push = message.offlinePushInfo();
		List<Bubble> bubbles = new ArrayList<>();
		List<@Nullable MsgElement> body = message.msgBody();
		if (body != null) {
			for (MsgElement element : body) {
				if (element != null) {
					bubbles.add(new Bubble(element.msgType(), bubbleText(element)));
				}
			}
		}
		return new LivePanel(DraftContent.toJson(message), report.sizeBytes(), MessageValidator.MAX_MESSAGE_BYTES,
				errors(composition, report, words), findings(report.warnings(), words),
				(push != null) ? push.title() : null, DraftContent.pushText(message),
				push != null && push.pushFlag() != null && push.pushFlag() == 1, bubbles,
				!composition.inputErrors().isEmpty());
	}

	private static List<Finding> errors(Composition composition, ValidationReport report,
			Function<MessageSourceResolvable, String> words) {
		List<Finding> errors = new ArrayList<>();
		composition.inputErrors().forEach((error) -> errors.add(new Finding(error.path(), words.apply(error))));
		errors.addAll(findings(composition.remaining(report.errors()), words));
		return List.copyOf(errors);
	}

	private static List<Finding> findings(List<Violation> violations, Function<MessageSourceResolvable, String> words) {
		return violations.stream().map((v) -> new Finding(v.path(), words.apply(v))).toList();
	}

	/** Percent of the limit used, capped at 100 for the meter. */
	public int percent() {
		return (this.sizeBytes < 0) ? 0 : Math.min(100, (int) Math.round(this.sizeBytes * 100.0 / this.maxBytes));
	}

	public boolean tooLarge() {
		return this.sizeBytes > this.maxBytes;
	}

	private static String bubbleText(MsgElement element) {
		if (element instanceof MsgElement.LocationElem location && location.desc() != null) {
			return "[Location] " + location.desc();
		}
		if (element instanceof MsgElement.FaceElem face) {
			return "[Face] " + ((face.index() != null) ? face.index() : "");
		}
		if (element instanceof MsgElement.CustomElem custom) {
			return (custom.desc() != null) ? custom.desc() : "[Custom]";
		}
		OfficialAccountMessage single = new OfficialAccountMessage(null, 0, List.of(element), null, null, null, null,
				null);
		return DraftContent.pushText(single);
	}

}
