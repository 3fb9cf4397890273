package dev.herald.simulator;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one page of an official account's history as
 * {@code official_account_msg_get_simple} answers it, in the shape the app's
 * {@link HistoryShape} gives it.
 */
final class HistoryReader {

	/** How the readable history ends, and the IsFinished of the page that reaches it. */
	private enum End {

		FINISHED(1), EXPIRED(2), CUT(0);

		final int isFinished;

		End(int isFinished) {
			this.isFinished = isFinished;
		}

	}

	private final HistoryShape shape;

	private final JsonMapper json;

	HistoryReader(HistoryShape shape, JsonMapper json) {
		this.shape = shape;
		this.json = json;
	}

	/**
	 * The answer's fields ({@code IsFinished}, {@code LastMsgKey}, {@code RspMsgList}),
	 * or {@code null} when {@code lastKey} names no message of this history.
	 * @param history the OA's messages, oldest first
	 */
	@Nullable ObjectNode page(List<StoredMessage> history, boolean withRecalled, String lastKey, int wanted, long nowMillis) {
		List<StoredMessage> newestFirst = new ArrayList<>();
		for (int i = history.size() - 1; i >= 0; i--) {
			StoredMessage message = history.get(i);
			if (withRecalled || !message.recalled) {
				newestFirst.add(message);
			}
		}
		End end = End.FINISHED;
		int readable = 0;
		for (StoredMessage message : newestFirst) {
			if (expired(message, nowMillis)) {
				end = End.EXPIRED;
				break;
			}
			if (readable == this.shape.cutAfter() && this.shape.cutAfter() > 0) {
				end = End.CUT;
				break;
			}
			readable++;
		}
		int start = 0;
		if (!lastKey.isEmpty()) {
			int index = indexOf(newestFirst, lastKey);
			if (index < 0) {
				return null;
			}
			// A key past the cut or the expiry reads as the end of the history.
			start = Math.min(index + 1, readable);
		}
		int pageSize = (this.shape.pageLimit() > 0) ? Math.min(wanted, this.shape.pageLimit()) : wanted;
		int stop = Math.min(readable, start + pageSize);
		ArrayNode list = this.json.createArrayNode();
		newestFirst.subList(start, stop).forEach((message) -> write(message, list.addObject()));
		String lastOnPage = (stop > start) ? newestFirst.get(stop - 1).msgKey : "";
		ObjectNode fields = this.json.createObjectNode();
		if (stop < readable) {
			fields.put("IsFinished", 0).put("LastMsgKey", lastOnPage);
		}
		else {
			fields.put("IsFinished", end.isFinished).put("LastMsgKey", (end == End.CUT) ? "" : lastOnPage);
		}
		fields.set("RspMsgList", list);
		return fields;
	}

	private boolean expired(StoredMessage message, long nowMillis) {
		long age = this.shape.expiresAfterSeconds();
		return age > 0 && nowMillis - message.acceptedAtMillis > age * 1000;
	}

	private void write(StoredMessage message, ObjectNode item) {
		item.put("MsgKey", message.msgKey);
		item.put("MsgTime", message.msgTime);
		if (message.placeholder && this.shape.placeholderProbability() > 0) {
			item.put("IsPlaceMsg", 1);
			item.put("IsRecalled", message.recalled ? 1 : 0);
			return;
		}
		item.put("IsPlaceMsg", 0);
		item.put("MsgRandom", message.random);
		item.set("MsgBody", message.body.get("MsgBody"));
		switch (this.shape.cloudCustomData()) {
			case RETURNED ->
				item.put("CloudCustomData", (message.cloudCustomData() != null) ? message.cloudCustomData() : "");
			case EMPTY -> item.put("CloudCustomData", "");
			case OMITTED -> {
				// The key is left out, as a history without the field would.
			}
		}
		item.put("IsRecalled", message.recalled ? 1 : 0);
	}

	private static int indexOf(List<StoredMessage> messages, String msgKey) {
		for (int i = 0; i < messages.size(); i++) {
			if (messages.get(i).msgKey.equals(msgKey)) {
				return i;
			}
		}
		return -1;
	}

}
