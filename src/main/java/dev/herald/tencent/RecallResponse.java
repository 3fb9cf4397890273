package dev.herald.tencent;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Result of a recall call whose top-level ErrorCode was 0. Tencent still reports each key
 * separately, and a top-level success does not mean every key was recalled.
 */
public record RecallResponse(@JsonProperty("RecallRetList") @Nullable List<RecallRet> recallRetList) {

	public RecallResponse {
		recallRetList = (recallRetList != null) ? List.copyOf(recallRetList) : List.of();
	}

	/** Items as a never-null list. */
	public List<RecallRet> items() {
		return (this.recallRetList != null) ? this.recallRetList : List.of();
	}

	public boolean allRecalled() {
		return items().stream().allMatch(RecallRet::recalled);
	}

	/**
	 * @param retCode 0 = recalled; 10030 = not found (on a second attempt probably
	 * already recalled), others per the error table
	 */
	public record RecallRet(@JsonProperty("MsgKey") String msgKey, @JsonProperty("RetCode") int retCode) {

		public boolean recalled() {
			return this.retCode == 0;
		}

	}

}
