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
import java.util.function.IntFunction;

import dev.herald.tencent.ErrorCodeWords;
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

	private final ErrorCodeWords errorWords;

	DeliveryExport(DeliveryHistory history, MessageSource messages, ErrorCodeWords errorWords) {
		this.history = history;
		this.messages = messages;
		this.errorWords = errorWords;
	}

	void write(HistoryQuery query, ExportFormat format, ZoneId zone, Locale locale, OutputStream out)
			throws IOException {
		// Looked up once per code for the whole export.
		Map<Integer, String> known = new HashMap<>();
		IntFunction<String> words = (code) -> known.computeIfAbsent(code, (c) -> this.errorWords.of(c, locale));
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

	static List<@Nullable Object> cells(DeliveryLine line, ZoneId zone, IntFunction<String> words) {
		return Arrays.asList(line.id(), local(line.createdAt(), zone), line.campaignId(), line.campaignLabel(),
				line.campaignRunId(), line.runId(), line.chatAppId(), line.appName(), line.officialAccount(),
				line.accountName(), line.status(), line.attempts(), local(line.firstAttemptAt(), zone),
				local(line.lastAttemptAt(), zone), line.httpStatus(), line.actionStatus(), local(line.msgTime(), zone),
				line.msgKey(), line.errorCode(), line.hasError() ? words.apply(line.errorCode()) : null,
				line.errorInfo(), line.recallCode(), local(line.recalledAt(), zone));
	}

	static @Nullable LocalDateTime local(@Nullable Instant instant, ZoneId zone) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, zone) : null;
	}

}
