package dev.herald.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One keyset page of the send history.
 *
 * @param next where the next page starts, or {@code null} on the last page
 */
record HistoryPage(List<DeliveryLine> rows, @Nullable Cursor next) {

}
