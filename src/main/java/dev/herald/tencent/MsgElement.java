package dev.herald.tencent;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One item of {@code MsgBody}. On the wire every element is {@code {"MsgType": "...",
 * "MsgContent": {...}}}; the records below model the content and {@link #msgType()} names
 * the wrapper. Fields are nullable on purpose: the validator, not the constructor,
 * reports what is missing, so a half-written draft can still be shown.
 */
public sealed interface MsgElement permits MsgElement.TextElem, MsgElement.FaceElem, MsgElement.LocationElem,
		MsgElement.CustomElem, MsgElement.ImageElem, MsgElement.SoundElem, MsgElement.FileElem,
		MsgElement.VideoFileElem, MsgElement.UnknownElem {

	/** The {@code MsgType} written around this element's content. */
	@JsonIgnore
	String msgType();

	/**
	 * The element class for a wire {@code MsgType}, or {@code null} when we do not model
	 * it.
	 */
	static @Nullable Class<? extends MsgElement> typeFor(@Nullable String msgType) {
		if (msgType == null) {
			return null;
		}
		return switch (msgType) {
			case TextElem.TYPE -> TextElem.class;
			case FaceElem.TYPE -> FaceElem.class;
			case LocationElem.TYPE -> LocationElem.class;
			case CustomElem.TYPE -> CustomElem.class;
			case ImageElem.TYPE -> ImageElem.class;
			case SoundElem.TYPE -> SoundElem.class;
			case FileElem.TYPE -> FileElem.class;
			case VideoFileElem.TYPE -> VideoFileElem.class;
			default -> null;
		};
	}

	@JsonPropertyOrder({ "Text" })
	record TextElem(@JsonProperty("Text") @Nullable String text) implements MsgElement {

		public static final String TYPE = "TIMTextElem";

		@Override
		public String msgType() {
			return TYPE;
		}

	}

	@JsonPropertyOrder({ "Index", "Data" })
	record FaceElem(@JsonProperty("Index") @Nullable Integer index,
			@JsonProperty("Data") @Nullable String data) implements MsgElement {

		public static final String TYPE = "TIMFaceElem";

		@Override
		public String msgType() {
			return TYPE;
		}

	}

	@JsonPropertyOrder({ "Desc", "Latitude", "Longitude" })
	record LocationElem(@JsonProperty("Desc") @Nullable String desc,
			@JsonProperty("Latitude") @Nullable Double latitude,
			@JsonProperty("Longitude") @Nullable Double longitude) implements MsgElement {

		public static final String TYPE = "TIMLocationElem";

		@Override
		public String msgType() {
			return TYPE;
		}

	}

	@JsonPropertyOrder({ "Data", "Desc", "Ext", "Sound" })
	record CustomElem(@JsonProperty("Data") @Nullable String data, @JsonProperty("Desc") @Nullable String desc,
			@JsonProperty("Ext") @Nullable String ext,
			@JsonProperty("Sound") @Nullable String sound) implements MsgElement {

		public static final String TYPE = "TIMCustomElem";

		@Override
		public String msgType() {
			return TYPE;
		}

	}

	@JsonPropertyOrder({ "UUID", "ImageFormat", "ImageInfoArray" })
	record ImageElem(@JsonProperty("UUID") @Nullable String uuid,
			@JsonProperty("ImageFormat") @Nullable Integer imageFormat,
			@JsonProperty("ImageInfoArray") @Nullable List<@Nullable ImageInfo> imageInfoArray) implements MsgElement {

		public static final String TYPE = "TIMImageElem";

		/** JPG=1, GIF=2, PNG=3, BMP=4, other=255. */
		public static final List<Integer> FORMATS = List.of(1, 2, 3, 4, 255);

		public ImageElem {
			imageInfoArray = Lists.copyOrNull(imageInfoArray);
		}

		@Override
		public String msgType() {
			return TYPE;
		}

	}

	/** One rendition of an image: {@code Type} 1 original, 2 large, 3 thumbnail. */
	@JsonPropertyOrder({ "Type", "Size", "Width", "Height", "URL" })
	record ImageInfo(@JsonProperty("Type") @Nullable Integer type, @JsonProperty("Size") @Nullable Long size,
			@JsonProperty("Width") @Nullable Integer width, @JsonProperty("Height") @Nullable Integer height,
			@JsonProperty("URL") @Nullable String url) {

		public static final List<Integer> TYPES = List.of(1, 2, 3);

	}

	@JsonPropertyOrder({ "Url", "UUID", "Size", "Second", "Download_Flag" })
	record SoundElem(@JsonProperty("Url") @Nullable String url, @JsonProperty("UUID") @Nullable String uuid,
			@JsonProperty("Size") @Nullable Long size, @JsonProperty("Second") @Nullable Integer second,
			@JsonProperty("Download_Flag") @Nullable Integer downloadFlag) implements MsgElement {

		public static final String TYPE = "TIMSoundElem";

		@Override
		public String msgType() {
			return TYPE;
		}

	}

	@JsonPropertyOrder({ "Url", "UUID", "FileSize", "FileName", "Download_Flag" })
	record FileElem(@JsonProperty("Url") @Nullable String url, @JsonProperty("UUID") @Nullable String uuid,
			@JsonProperty("FileSize") @Nullable Long fileSize, @JsonProperty("FileName") @Nullable String fileName,
			@JsonProperty("Download_Flag") @Nullable Integer downloadFlag) implements MsgElement {

		public static final String TYPE = "TIMFileElem";

		@Override
		public String msgType() {
			return TYPE;
		}

	}

	@JsonPropertyOrder({ "VideoUrl", "VideoUUID", "VideoSize", "VideoSecond", "VideoFormat", "VideoDownloadFlag",
			"ThumbUrl", "ThumbUUID", "ThumbSize", "ThumbWidth", "ThumbHeight", "ThumbFormat", "ThumbDownloadFlag" })
	record VideoFileElem(@JsonProperty("VideoUrl") @Nullable String videoUrl,
			@JsonProperty("VideoUUID") @Nullable String videoUuid, @JsonProperty("VideoSize") @Nullable Long videoSize,
			@JsonProperty("VideoSecond") @Nullable Integer videoSecond,
			@JsonProperty("VideoFormat") @Nullable String videoFormat,
			@JsonProperty("VideoDownloadFlag") @Nullable Integer videoDownloadFlag,
			@JsonProperty("ThumbUrl") @Nullable String thumbUrl, @JsonProperty("ThumbUUID") @Nullable String thumbUuid,
			@JsonProperty("ThumbSize") @Nullable Long thumbSize,
			@JsonProperty("ThumbWidth") @Nullable Integer thumbWidth,
			@JsonProperty("ThumbHeight") @Nullable Integer thumbHeight,
			@JsonProperty("ThumbFormat") @Nullable String thumbFormat,
			@JsonProperty("ThumbDownloadFlag") @Nullable Integer thumbDownloadFlag) implements MsgElement {

		public static final String TYPE = "TIMVideoFileElem";

		@Override
		public String msgType() {
			return TYPE;
		}

	}

	/**
	 * An element type we do not model (for example {@code TIMRelayElem} in history pulled
	 * back from Tencent). Kept verbatim so reading history never fails; the validator
	 * refuses it in anything we send.
	 */
	record UnknownElem(String msgType, @Nullable JsonNode content) implements MsgElement {

	}

}
