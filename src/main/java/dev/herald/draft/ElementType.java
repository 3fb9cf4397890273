package dev.herald.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.herald.tencent.MsgElement;
import org.jspecify.annotations.Nullable;

/**
 * The element types the composer offers, each with the fields it shows. Field keys are
 * the wire names inside {@code MsgContent} (image renditions are flattened as
 * {@code Info1URL} etc., 1 = original, 2 = large, 3 = thumbnail); download flags are
 * always 2 and not shown.
 */
enum ElementType {

	TEXT("TIMTextElem", List.of(FieldSpec.area("Text"))),

	FACE("TIMFaceElem", List.of(FieldSpec.integer("Index", Integer.MIN_VALUE), FieldSpec.text("Data"))),

	LOCATION("TIMLocationElem",
			List.of(FieldSpec.text("Desc"), FieldSpec.decimal("Latitude", 90), FieldSpec.decimal("Longitude", 180))),

	CUSTOM("TIMCustomElem",
			List.of(FieldSpec.area("Data"), FieldSpec.text("Desc"), FieldSpec.text("Ext"), FieldSpec.text("Sound"))),

	IMAGE("TIMImageElem", imageFields()),

	SOUND("TIMSoundElem",
			List.of(FieldSpec.text("Url"), FieldSpec.text("UUID"), FieldSpec.longInteger("Size"),
					FieldSpec.integer("Second", 0))),

	FILE("TIMFileElem",
			List.of(FieldSpec.text("Url"), FieldSpec.text("UUID"), FieldSpec.longInteger("FileSize"),
					FieldSpec.text("FileName"))),

	VIDEO("TIMVideoFileElem",
			List.of(FieldSpec.text("VideoUrl"), FieldSpec.text("VideoUUID"), FieldSpec.longInteger("VideoSize"),
					FieldSpec.integer("VideoSecond", 0), FieldSpec.text("VideoFormat"), FieldSpec.text("ThumbUrl"),
					FieldSpec.text("ThumbUUID"), FieldSpec.longInteger("ThumbSize"), FieldSpec.integer("ThumbWidth", 1),
					FieldSpec.integer("ThumbHeight", 1), FieldSpec.text("ThumbFormat")));

	/** Download flags Tencent requires (2 = download from the URL). */
	static final Map<String, List<String>> FIXED_DOWNLOAD_FLAGS = Map.of("TIMSoundElem", List.of("Download_Flag"),
			"TIMFileElem", List.of("Download_Flag"), "TIMVideoFileElem",
			List.of("VideoDownloadFlag", "ThumbDownloadFlag"));

	static final int RENDITIONS = 3;

	private final String wireType;

	private final List<FieldSpec> fields;

	ElementType(String wireType, List<FieldSpec> fields) {
		this.wireType = wireType;
		this.fields = fields;
	}

	public String wireType() {
		return this.wireType;
	}

	public List<FieldSpec> fields() {
		return this.fields;
	}

	/**
	 * Whether the composer offers "fill from URL" beside this field.
	 * @param key a field key of this type
	 */
	public boolean fillsFrom(String key) {
		return MediaFill.isSource(this, key);
	}

	static @Nullable ElementType ofWire(@Nullable String wireType) {
		for (ElementType type : values()) {
			if (type.wireType.equals(wireType)) {
				return type;
			}
		}
		return null;
	}

	private static List<FieldSpec> imageFields() {
		List<FieldSpec> fields = new ArrayList<>(
				List.of(FieldSpec.text("UUID"), FieldSpec.choice("ImageFormat", MsgElement.ImageElem.FORMATS)));
		for (int i = 1; i <= RENDITIONS; i++) {
			fields.add(FieldSpec.text("Info" + i + "URL"));
			fields.add(FieldSpec.longInteger("Info" + i + "Size"));
			fields.add(FieldSpec.integer("Info" + i + "Width", 1));
			fields.add(FieldSpec.integer("Info" + i + "Height", 1));
		}
		return List.copyOf(fields);
	}

	/**
	 * One input of an element. A number field carries the values the validator accepts
	 * ({@code MessageValidator}: sizes and durations not negative, widths and heights
	 * positive, coordinates within ±90 and ±180, a listed image format), so that a typed
	 * value that is not such a number is told what is expected.
	 *
	 * @param key wire name (or flattened rendition name)
	 * @param kind how it is typed and parsed
	 * @param min the smallest value (numbers only)
	 * @param max the largest value (numbers only)
	 * @param choices the only values allowed, or empty for any value between min and max
	 */
	record FieldSpec(String key, Kind kind, long min, long max, List<Integer> choices) {

		static FieldSpec text(String key) {
			return new FieldSpec(key, Kind.TEXT, 0, 0, List.of());
		}

		static FieldSpec area(String key) {
			return new FieldSpec(key, Kind.AREA, 0, 0, List.of());
		}

		static FieldSpec integer(String key, int min) {
			return new FieldSpec(key, Kind.INTEGER, min, Integer.MAX_VALUE, List.of());
		}

		static FieldSpec choice(String key, List<Integer> choices) {
			return new FieldSpec(key, Kind.INTEGER, Integer.MIN_VALUE, Integer.MAX_VALUE, List.copyOf(choices));
		}

		/** A size in bytes: zero or more, with no upper bound worth telling. */
		static FieldSpec longInteger(String key) {
			return new FieldSpec(key, Kind.LONG, 0, Long.MAX_VALUE, List.of());
		}

		static FieldSpec decimal(String key, int limit) {
			return new FieldSpec(key, Kind.DECIMAL, -limit, limit, List.of());
		}

		public boolean isNumber() {
			return this.kind == Kind.INTEGER || this.kind == Kind.LONG || this.kind == Kind.DECIMAL;
		}

		public boolean isArea() {
			return this.kind == Kind.AREA;
		}

	}

	enum Kind {

		TEXT, AREA, INTEGER, LONG, DECIMAL

	}

}
