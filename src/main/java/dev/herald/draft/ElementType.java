package dev.herald.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The element types the composer offers, each with the fields it shows. Field keys are
 * the wire names inside {@code MsgContent} (image renditions are flattened as
 * {@code Info1URL} etc., 1 = original, 2 = large, 3 = thumbnail); download flags are
 * always 2 and not shown.
 */
enum ElementType {

	TEXT("TIMTextElem", List.of(FieldSpec.area("Text"))),

	FACE("TIMFaceElem", List.of(FieldSpec.integer("Index"), FieldSpec.text("Data"))),

	LOCATION("TIMLocationElem",
			List.of(FieldSpec.text("Desc"), FieldSpec.decimal("Latitude"), FieldSpec.decimal("Longitude"))),

	CUSTOM("TIMCustomElem",
			List.of(FieldSpec.area("Data"), FieldSpec.text("Desc"), FieldSpec.text("Ext"), FieldSpec.text("Sound"))),

	IMAGE("TIMImageElem", imageFields()),

	SOUND("TIMSoundElem",
			List.of(FieldSpec.text("Url"), FieldSpec.text("UUID"), FieldSpec.longInteger("Size"),
					FieldSpec.integer("Second"))),

	FILE("TIMFileElem",
			List.of(FieldSpec.text("Url"), FieldSpec.text("UUID"), FieldSpec.longInteger("FileSize"),
					FieldSpec.text("FileName"))),

	VIDEO("TIMVideoFileElem",
			List.of(FieldSpec.text("VideoUrl"), FieldSpec.text("VideoUUID"), FieldSpec.longInteger("VideoSize"),
					FieldSpec.integer("VideoSecond"), FieldSpec.text("VideoFormat"), FieldSpec.text("ThumbUrl"),
					FieldSpec.text("ThumbUUID"), FieldSpec.longInteger("ThumbSize"), FieldSpec.integer("ThumbWidth"),
					FieldSpec.integer("ThumbHeight"), FieldSpec.text("ThumbFormat")));

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
		List<FieldSpec> fields = new ArrayList<>(List.of(FieldSpec.text("UUID"), FieldSpec.integer("ImageFormat")));
		for (int i = 1; i <= RENDITIONS; i++) {
			fields.add(FieldSpec.text("Info" + i + "URL"));
			fields.add(FieldSpec.longInteger("Info" + i + "Size"));
			fields.add(FieldSpec.integer("Info" + i + "Width"));
			fields.add(FieldSpec.integer("Info" + i + "Height"));
		}
		return List.copyOf(fields);
	}

	/**
	 * One input of an element.
	 *
	 * @param key wire name (or flattened rendition name)
	 * @param kind how it is typed and parsed
	 */
	record FieldSpec(String key, Kind kind) {

		static FieldSpec text(String key) {
			return new FieldSpec(key, Kind.TEXT);
		}

		static FieldSpec area(String key) {
			return new FieldSpec(key, Kind.AREA);
		}

		static FieldSpec integer(String key) {
			return new FieldSpec(key, Kind.INTEGER);
		}

		static FieldSpec longInteger(String key) {
			return new FieldSpec(key, Kind.LONG);
		}

		static FieldSpec decimal(String key) {
			return new FieldSpec(key, Kind.DECIMAL);
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
