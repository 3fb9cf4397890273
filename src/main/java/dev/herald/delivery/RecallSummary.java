package dev.herald.delivery;

/**
 * What a recall did.
 *
 * @param calls recall calls made (at most 10 MsgKeys each, one OA each)
 * @param recalled deliveries now RECALLED
 * @param failed deliveries now RECALL_FAILED
 */
public record RecallSummary(int calls, int recalled, int failed) {

}
