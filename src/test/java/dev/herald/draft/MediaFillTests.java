package dev.herald.draft;

import java.util.UUID;

import dev.herald.tencent.MediaFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaFillTests {

	private static final UUID GENERATED = UUID.fromString("0b6f3a52-4a56-4c4e-9d1e-8d9a4f3f7c11");

	@Test
	void anImageGetsSizeDimensionsFormatAndAUuid() {
		DraftForm.ElementForm image = element(ElementType.IMAGE);
		image.getFields().put("Info1URL", "https://cdn.example.com/a.png");
		MediaFill.apply(ElementType.IMAGE, image, "Info1URL",
				new MediaFacts(2048, "image/png", "a.png", new MediaFacts.Image(640, 480, "png")), () -> GENERATED);

		assertThat(image.getFields()).containsEntry("Info1Size", "2048")
			.containsEntry("Info1Width", "640")
			.containsEntry("Info1Height", "480")
			.containsEntry("ImageFormat", "3")
			.containsEntry("UUID", GENERATED.toString())
			.containsEntry("Info1URL", "https://cdn.example.com/a.png");
	}

	@Test
	void aTypedUuidAndTheOriginalsFormatAreKept() {
		DraftForm.ElementForm image = element(ElementType.IMAGE);
		image.getFields().put("UUID", "mine");
		image.getFields().put("ImageFormat", "1");
		MediaFill.apply(ElementType.IMAGE, image, "Info3URL",
				new MediaFacts(99, "image/png", "t.png", new MediaFacts.Image(64, 48, "png")), () -> GENERATED);

		assertThat(image.getFields()).containsEntry("UUID", "mine")
			.containsEntry("ImageFormat", "1")
			.containsEntry("Info3Width", "64")
			.doesNotContainKey("Info1Width");
	}

	@Test
	void filesSoundsAndVideosGetTheirOwnFields() {
		DraftForm.ElementForm file = element(ElementType.FILE);
		MediaFill.apply(ElementType.FILE, file, "Url", new MediaFacts(10, "application/pdf", "Price list.pdf", null),
				() -> GENERATED);
		assertThat(file.getFields()).containsEntry("FileSize", "10")
			.containsEntry("FileName", "Price list.pdf")
			.containsEntry("UUID", GENERATED.toString());

		DraftForm.ElementForm sound = element(ElementType.SOUND);
		MediaFill.apply(ElementType.SOUND, sound, "Url", new MediaFacts(7, "audio/mpeg", "a.mp3", null),
				() -> GENERATED);
		assertThat(sound.getFields()).containsEntry("Size", "7").containsEntry("UUID", GENERATED.toString());

		DraftForm.ElementForm video = element(ElementType.VIDEO);
		MediaFill.apply(ElementType.VIDEO, video, "VideoUrl", new MediaFacts(5000, "video/mp4", "clip.mp4", null),
				() -> GENERATED);
		MediaFill.apply(ElementType.VIDEO, video, "ThumbUrl",
				new MediaFacts(300, "image/jpeg", "thumb", new MediaFacts.Image(320, 180, "jpeg")), UUID::randomUUID);
		assertThat(video.getFields()).containsEntry("VideoSize", "5000")
			.containsEntry("VideoFormat", "mp4")
			.containsEntry("VideoUUID", GENERATED.toString())
			.containsEntry("ThumbSize", "300")
			.containsEntry("ThumbWidth", "320")
			.containsEntry("ThumbHeight", "180")
			.containsEntry("ThumbFormat", "JPG")
			.containsKey("ThumbUUID");
		assertThat(video.getFields().get("ThumbUUID")).isNotEqualTo(GENERATED.toString());
	}

	@Test
	void onlyMediaUrlsAreSources() {
		assertThat(ElementType.IMAGE.fillsFrom("Info2URL")).isTrue();
		assertThat(ElementType.VIDEO.fillsFrom("ThumbUrl")).isTrue();
		assertThat(ElementType.IMAGE.fillsFrom("UUID")).isFalse();
		assertThat(ElementType.TEXT.fillsFrom("Text")).isFalse();
		assertThat(MediaFill.wantsImage(ElementType.VIDEO, "VideoUrl")).isFalse();
		assertThat(MediaFill.wantsImage(ElementType.VIDEO, "ThumbUrl")).isTrue();
	}

	private static DraftForm.ElementForm element(ElementType type) {
		return new DraftForm.ElementForm(type.wireType());
	}

}
