package dev.herald.report;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.herald.audit.AuditLog;
import dev.herald.audit.AuditRecord;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts every download of a report: refuses an unknown format or a filter that was not
 * understood, records the export in the audit log ({@code report.exported}: which view,
 * which filter, which format and when) before the first byte is sent, and sets the
 * response's headers (type, an attachment name with the export time, no caching).
 */
@Component
class Exports {

	static final String ACTION = "report.exported";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final AuditLog audit;

	private final Clock clock;

	Exports(AuditLog audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param view the report, which also names the file
	 * @param format the requested format
	 * @param invalid whether the filter could not be read
	 * @param filter the filter's parameters, for the audit log
	 * @param zone the viewer's time zone
	 * @param response the download
	 * @return the format to write, or {@code null} when the request was answered 400
	 * @throws IOException when the 400 cannot be sent
	 */
	@Transactional
	@Nullable ExportFormat start(String view, String format, boolean invalid, Map<String, Object> filter, ZoneId zone,
			HttpServletResponse response) throws IOException {
		ExportFormat exportFormat = ExportFormat.of(format);
		if (exportFormat == null || invalid) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return null;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("format", exportFormat.extension());
		details.put("filter", filter);
		details.put("zone", zone.getId());
		details.put("exportedAt", this.clock.instant().toString());
		this.audit.record(AuditRecord.of(ACTION, "report", view).withAfter(details));
		String file = view + "-" + STAMP.format(this.clock.instant().atZone(zone)) + "." + exportFormat.extension();
		response.setContentType(exportFormat.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(file).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return exportFormat;
	}

}
