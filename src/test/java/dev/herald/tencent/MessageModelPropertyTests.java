package dev.herald.tencent;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class MessageModelPropertyTests {

	private final MessageValidator validator = new MessageValidator();

	@Property(tries = 200)
	void validatorNeverThrows(@ForAll("anyMessages") OfficialAccountMessage message) {
		assertThatNoException().isThrownBy(() -> this.validator.validate(message));
		ValidationReport report = this.validator.validate(message);
		assertThat(report.violations()).extracting(Violation::code)
			.doesNotContain(MessageValidator.INTERNAL)
			.allSatisfy((code) -> assertThat(MessageValidator.CODES).contains(code));
	}

	@Property(tries = 200)
	void validMessagesRoundTripThroughJson(@ForAll("validMessages") OfficialAccountMessage message) {
		ValidationReport report = this.validator.validate(message);
		assertThat(report.errors()).isEmpty();

		byte[] json = TencentJson.toBytes(message);
		OfficialAccountMessage back = TencentJson.mapper().readValue(json, OfficialAccountMessage.class);

		assertThat(back).isEqualTo(message);
		assertThat(TencentJson.toBytes(back)).isEqualTo(json).hasSize(report.sizeBytes());
	}

	// Anything at all, nulls, junk values and broken strings included.

	@Provide
	Arbitrary<OfficialAccountMessage> anyMessages() {
		Arbitrary<String> text = Arbitraries.strings().ofMaxLength(20).injectNull(0.2);
		Arbitrary<Integer> ints = Arbitraries.integers().injectNull(0.2);
		Arbitrary<Long> longs = Arbitraries.longs().injectNull(0.2);
		Arbitrary<Double> doubles = Arbitraries.doubles()
			.withSpecialValue(Double.NaN)
			.withSpecialValue(Double.POSITIVE_INFINITY)
			.injectNull(0.2);
		Arbitrary<MsgElement.ImageInfo> info = Combinators.combine(ints, longs, ints, ints, text)
			.as(MsgElement.ImageInfo::new)
			.injectNull(0.1);
		Arbitrary<MsgElement> element = Arbitraries.oneOf(text.map(MsgElement.TextElem::new),
				Combinators.combine(ints, text).as(MsgElement.FaceElem::new),
				Combinators.combine(text, doubles, doubles).as(MsgElement.LocationElem::new),
				Combinators.combine(text, text, text, text).as(MsgElement.CustomElem::new),
				Combinators.combine(text, ints, info.list().ofMaxSize(3).injectNull(0.2)).as(MsgElement.ImageElem::new),
				Combinators.combine(text, text, longs, ints, ints).as(MsgElement.SoundElem::new),
				Combinators.combine(text, text, longs, text,
						ints)
					.as(MsgElement.FileElem::new),
				Combinators.combine(text, text, longs, ints, text, ints, text, text)
					.as((a, b, c, d, e, f, g, h) -> new MsgElement.VideoFileElem(a, b, c, d, e, f, g, h, 1L, 2, 3,
							"JPG", 2)),
				text.map((t) -> new MsgElement.UnknownElem(t == null ? "" : t, null)));
		Arbitrary<OfflinePushInfo> push = Combinators
			.combine(ints, text, text, text,
					Combinators.combine(text, ints, text, text, text, ints).as(OfflinePushInfo.ApnsInfo::new))
			.as((flag, title, desc, ext, apns) -> new OfflinePushInfo(flag, title, desc, ext,
					OfflinePushInfo.AndroidInfo.ofSound(title), apns))
			.injectNull(0.3);
		Arbitrary<List<String>> names = Arbitraries
			.oneOf(Arbitraries.of("NoLastMsg", "ForbidBeforeSendMsgCallback", "ForbidAfterSendMsgCallback"), text)
			.list()
			.ofMaxSize(3)
			.injectNull(0.3);
		return Combinators
			.combine(text, Arbitraries.longs(), element.injectNull(0.05).list().ofMaxSize(4).injectNull(0.1), text,
					push, ints, names, names)
			.as(OfficialAccountMessage::new);
	}

	// Only messages the validator accepts, with text from several scripts.

	@Provide
	Arbitrary<OfficialAccountMessage> validMessages() {
		Arbitrary<String> text = Arbitraries.strings()
			.alpha()
			.numeric()
			.withChars(" .,!中文日本語한국어\"\\\n")
			.ofMinLength(1)
			.ofMaxLength(30)
			// Emoji are surrogate pairs; add them whole so no half pair appears.
			.map((s) -> s.replace("!", "😀"));
		Arbitrary<String> optional = text.injectNull(0.3);
		Arbitrary<String> url = Arbitraries.strings()
			.alpha()
			.numeric()
			.withChars("-._~/中文")
			.ofMaxLength(30)
			.flatMap((path) -> Arbitraries.of("https://", "http://", "HTTPS://")
				.map((scheme) -> scheme + "cdn.example/" + path));
		Arbitrary<Integer> size = Arbitraries.integers().between(1, 4096);
		Arbitrary<MsgElement> element = Arbitraries
			.oneOf(text.map(MsgElement.TextElem::new),
					Combinators.combine(Arbitraries.integers().between(0, 200), optional).as(MsgElement.FaceElem::new),
					Combinators
						.combine(text, Arbitraries.doubles().between(-90, 90), Arbitraries.doubles().between(-180, 180))
						.as(MsgElement.LocationElem::new),
					Combinators
						.combine(text, Arbitraries.of(1, 2, 3, 4, 255), Combinators
							.combine(Arbitraries.of(1, 2, 3).injectNull(0.2), size.map(Long::valueOf), size, size, url)
							.as(MsgElement.ImageInfo::new)
							.list()
							.ofMinSize(1)
							.ofMaxSize(3))
						.as(MsgElement.ImageElem::new),
					Combinators.combine(url, text, size.map(Long::valueOf), size)
						.as((link, uuid, bytes, seconds) -> new MsgElement.SoundElem(link, uuid, bytes, seconds, 2)),
					Combinators.combine(url, text, size.map(Long::valueOf), optional)
						.as((link, uuid, bytes, name) -> new MsgElement.FileElem(link, uuid, bytes, name, 2)),
					Combinators.combine(url, text, url, text, size, size)
						.as((link, uuid, thumbUrl, thumbUuid, w, h) -> new MsgElement.VideoFileElem(link, uuid, null,
								null, "mp4", 2, thumbUrl, thumbUuid, null, w, h, null, 2)));
		Arbitrary<MsgElement> custom = Combinators.combine(optional, text, optional, optional)
			.as(MsgElement.CustomElem::new);
		Arbitrary<List<MsgElement>> body = Combinators
			.combine(element.list().ofMinSize(1).ofMaxSize(5), custom.injectNull(0.5))
			.as((elements, customElem) -> {
				if (customElem == null) {
					return elements;
				}
				List<MsgElement> withCustom = new java.util.ArrayList<>(elements);
				withCustom.add(customElem);
				return withCustom;
			});
		Arbitrary<OfflinePushInfo> push = Combinators
			.combine(Arbitraries.of(0, 1).injectNull(0.3), optional, optional, optional,
					Combinators
						.combine(optional, Arbitraries.of(0, 1).injectNull(0.3), optional, optional,
								url.injectNull(0.3), Arbitraries.of(0, 1).injectNull(0.3))
						.as(OfflinePushInfo.ApnsInfo::new)
						.injectNull(0.3))
			.as((flag, title, desc, ext, apns) -> new OfflinePushInfo(flag, title, desc, ext,
					(title != null) ? OfflinePushInfo.AndroidInfo.ofSound(title) : null, apns))
			.injectNull(0.4);
		Arbitrary<List<String>> forbid = Arbitraries
			.<List<String>>of(List.of(), List.of("ForbidBeforeSendMsgCallback"), List.of("ForbidAfterSendMsgCallback"),
					List.of("ForbidBeforeSendMsgCallback", "ForbidAfterSendMsgCallback"))
			.injectNull(0.5);
		Arbitrary<Integer> onlineOnly = Arbitraries.of(0, 1).injectNull(0.5);
		return Combinators
			.combine(text.map((t) -> "@TOA#_" + t), Arbitraries.longs().between(0, MessageValidator.MAX_RANDOM), body,
					optional, push, onlineOnly, Arbitraries.of(true, false), forbid)
			.as((oa, random, elements, data, pushInfo, online, noLastMsg, forbidList) -> new OfficialAccountMessage(oa,
					random, elements, data, pushInfo, online,
					(noLastMsg && (online == null || online == 0)) ? List.of("NoLastMsg") : null, forbidList));
	}

}
