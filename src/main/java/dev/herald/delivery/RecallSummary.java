package dev.herald.delivery;

/**
 * What a recall did.
 *
 * @param calls recall calls made (at most 10 MsgKeys each, one OA each)
 * @param recalled deliveries now RECALLED
 * @param failed deliveries now RECALL_FAILED
 * @param pastWindow sent deliveries left alone because their Chat app's message history
 * period had ended: Tencent would refuse them, so they were never asked for
 */
public record RecallSummary(int calls, int recalled, int failed, int pastWindow) {

}
