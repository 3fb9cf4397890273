package dev.herald.tencent;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What {@link MediaProbe} learned about a file behind a URL.
 *
 * @param size its size in bytes
 * @param contentType the media type the server named, without parameters, or {@code null}
 * @param fileName the name from {@code Content-Disposition} or the URL's last path
 * segment, or {@code null}
 * @param image width, height and format, when an image was asked for
 */
public record MediaFacts(long size, @Nullable String contentType, @Nullable String fileName, @Nullable Image image) {

	/**
	 * An image's header.
	 *
	 * @param format the image format as the JDK names it, lower case ({@code png},
	 * {@code jpeg}, {@code gif}, {@code bmp}, ...)
	 */
	public record Image(int width, int height, String format) {

		/**
		 * The format as {@code TIMImageElem.ImageFormat} numbers it.
		 * @return JPG 1, GIF 2, PNG 3, BMP 4, anything else 255
		 */
		public int imageFormat() {
			return switch (this.format) {
				case "jpeg", "jpg" -> 1;
				case "gif" -> 2;
				case "png" -> 3;
				case "bmp" -> 4;
				default -> 255;
			};
		}

		/**
		 * The format as a video thumbnail's {@code ThumbFormat} names it.
		 * @return {@code JPG}, {@code PNG}, {@code GIF}, {@code BMP}, ...
		 */
		public String thumbFormat() {
			return "jpeg".equals(this.format) ? "JPG" : this.format.toUpperCase(Locale.ROOT);
		}

	}

	/**
	 * The file's type as a short name: the file name's extension, else the media type's
	 * subtype ({@code video/mp4} is {@code mp4}).
	 * @return the type in lower case, or {@code null}
	 */
	public @Nullable String suffix() {
		if (this.fileName != null) {
			int dot = this.fileName.lastIndexOf('.');
			if (dot > 0 && dot < this.fileName.length() - 1) {
				return this.fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
			}
		}
		if (this.contentType != null) {
			int slash = this.contentType.indexOf('/');
			if (slash > 0 && slash < this.contentType.length() - 1) {
				return this.contentType.substring(slash + 1).toLowerCase(Locale.ROOT);
			}
		}
		return null;
	}

}
