package dev.herald.delivery;

import dev.herald.chatapp.ChatApps;
import dev.herald.tencent.TencentChatClient;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stateless beans every dispatcher node works with; a {@link Dispatcher} adds its own
 * threads and state.
 */
@Component
record DispatchParts(DispatchStore dispatch, RunStore runs, OutcomeStore outcomes, RunFinisher finisher,
		TransactionTemplate transactions, TencentChatClient client, ChatApps apps, DeliveryMetrics metrics) {

}
