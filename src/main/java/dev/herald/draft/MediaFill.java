package dev.herald.draft;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.herald.tencent.MediaFacts;
import org.jspecify.annotations.Nullable;

/**
 * "Fill from URL" for media elements: which URL fields a fill starts from, and which
 * fields the file's size, dimensions and format go into. Everything filled stays an
 * ordinary field the person can change; a UUID is generated only where none is typed, so
 * filling again from the same file keeps it.
 */
final class MediaFill {

	/** The URL fields of each media element a fill can start from. */
	private static final Map<ElementType, List<String>> SOURCES = Map.of(ElementType.IMAGE,
			List.of("Info1URL", "Info2URL", "Info3URL"), ElementType.SOUND, List.of("Url"), ElementType.FILE,
			List.of("Url"), ElementType.VIDEO, List.of("VideoUrl", "ThumbUrl"));

	private MediaFill() {
	}

	static boolean isSource(ElementType type, String key) {
		return SOURCES.getOrDefault(type, List.of()).contains(key);
	}

	/** Whether the file behind this URL field is an image whose dimensions are wanted. */
	static boolean wantsImage(ElementType type, String key) {
		return type == ElementType.IMAGE || (type == ElementType.VIDEO && "ThumbUrl".equals(key));
	}

	/**
	 * Writes what was learned into the element's fields.
	 * @param key the URL field the file came from
	 */
	static void apply(ElementType type, DraftForm.ElementForm element, String key, MediaFacts facts,
			Supplier<UUID> uuids) {
		Map<String, @Nullable String> fields = element.getFields();
		MediaFacts.Image image = facts.image();
		String size = String.valueOf(facts.size());
		switch (type) {
			case IMAGE -> {
				String rendition = key.substring(0, "InfoN".length());
				fields.put(rendition + "Size", size);
				if (image != null) {
					fields.put(rendition + "Width", String.valueOf(image.width()));
					fields.put(rendition + "Height", String.valueOf(image.height()));
					// The original decides the format; another rendition only fills a
					// gap.
					if ("Info1URL".equals(key) || isBlank(fields.get("ImageFormat"))) {
						fields.put("ImageFormat", String.valueOf(image.imageFormat()));
					}
				}
				uuid(fields, "UUID", uuids);
			}
			case SOUND -> {
				fields.put("Size", size);
				uuid(fields, "UUID", uuids);
			}
			case FILE -> {
				fields.put("FileSize", size);
				if (isBlank(fields.get("FileName")) && facts.fileName() != null) {
					fields.put("FileName", facts.fileName());
				}
				uuid(fields, "UUID", uuids);
			}
			case VIDEO -> {
				if ("ThumbUrl".equals(key)) {
					fields.put("ThumbSize", size);
					if (image != null) {
						fields.put("ThumbWidth", String.valueOf(image.width()));
						fields.put("ThumbHeight", String.valueOf(image.height()));
						fields.put("ThumbFormat", image.thumbFormat());
					}
					uuid(fields, "ThumbUUID", uuids);
				}
				else {
					fields.put("VideoSize", size);
					if (facts.suffix() != null) {
						fields.put("VideoFormat", facts.suffix());
					}
					uuid(fields, "VideoUUID", uuids);
				}
			}
			default -> throw new IllegalArgumentException(type + " has no file to fill from");
		}
	}

	private static void uuid(Map<String, @Nullable String> fields, String key, Supplier<UUID> uuids) {
		if (isBlank(fields.get(key))) {
			fields.put(key, uuids.get().toString());
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
