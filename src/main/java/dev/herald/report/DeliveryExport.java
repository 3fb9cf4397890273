package dev.herald.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.herald.tencent.TencentErrorCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the send history of a filter as CSV or XLSX, one row at a time from the database
 * cursor. Headers and the words for error codes follow the viewer's language; times are
 * in the viewer's zone, named in the headers.
 */
@Component
class DeliveryExport {

	static final List<String> COLUMNS = List.of("id", "created", "campaign", "campaignLabel", "campaignRun", "run",
			"app", "appName", "account", "accountName", "status", "attempts", "firstAttempt", "lastAttempt",
			"httpStatus", "actionStatus", "msgTime", "msgKey", "errorCode", "errorMeaning", "errorInfo", "recallCode",
			"recalledAt");

	private static final List<String> TIMED = List.of("created", "firstAttempt", "lastAttempt", "msgTime",
			"recalledAt");

	private final DeliveryHistory history;

	private final MessageSource messages;

	DeliveryExport(DeliveryHistory history, MessageSource messages) {
		this.history = history;
		this.messages = messages;
	}

	void write(HistoryQuery query, ExportFormat format, ZoneId zone, Locale locale, OutputStream out)
			throws IOException {
		ErrorWords words = new ErrorWords(this.messages, locale);
		try (TableWriter table = format.open(out, this.messages.getMessage("reports.deliveries.sheet", null, locale))) {
			table.header(headers(COLUMNS, TIMED, "reports.column.", zone, locale));
			this.history.forEach(query, (line) -> {
				try {
					table.row(cells(line, zone, words));
				}
				catch (IOException ex) {
					// The browser went away: stop reading rows.
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	List<String> headers(List<String> columns, List<String> timed, String prefix, ZoneId zone, Locale locale) {
		List<String> names = new ArrayList<>(columns.size());
		for (String column : columns) {
			String name = this.messages.getMessage(prefix + column, null, locale);
			names.add(timed.contains(column) ? name + " (" + zone.getId() + ")" : name);
		}
		return names;
	}

	static List<@Nullable Object> cells(DeliveryLine line, ZoneId zone, ErrorWords words) {
		return Arrays.asList(line.id(), local(line.createdAt(), zone), line.campaignId(), line.campaignLabel(),
				line.campaignRunId(), line.runId(), line.chatAppId(), line.appName(), line.officialAccount(),
				line.accountName(), line.status(), line.attempts(), local(line.firstAttemptAt(), zone),
				local(line.lastAttemptAt(), zone), line.httpStatus(), line.actionStatus(), local(line.msgTime(), zone),
				line.msgKey(), line.errorCode(), line.hasError() ? words.of(line.errorCode()) : null, line.errorInfo(),
				line.recallCode(), local(line.recalledAt(), zone));
	}

	static @Nullable LocalDateTime local(@Nullable Instant instant, ZoneId zone) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, zone) : null;
	}

	/**
	 * Tencent ErrorCodes in words, looked up once per code for a whole export.
	 */
	static final class ErrorWords {

		private final MessageSource messages;

		private final Locale locale;

		private final Map<Integer, String> words = new HashMap<>();

		ErrorWords(MessageSource messages, Locale locale) {
			this.messages = messages;
			this.locale = locale;
		}

		String of(@Nullable Integer code) {
			if (code == null) {
				return "";
			}
			return this.words.computeIfAbsent(code,
					(c) -> (c < 0) ? this.messages.getMessage("reports.error.noAnswer", null, this.locale)
							: this.messages.getMessage(TencentErrorCodes.describe(c), this.locale));
		}

	}

}
