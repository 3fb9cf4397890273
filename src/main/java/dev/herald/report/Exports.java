package dev.herald.report;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Response headers of a download: type, an attachment name with the export time, and no
 * caching.
 */
final class Exports {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private Exports() {
	}

	static void prepare(HttpServletResponse response, String name, ExportFormat format, Clock clock, ZoneId zone) {
		String file = name + "-" + STAMP.format(clock.instant().atZone(zone)) + "." + format.extension();
		response.setContentType(format.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(file).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
