package com.triagedesk.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.triagedesk.issues.IssueCreated;
import com.triagedesk.issues.IssueStatusChanged;
import com.triagedesk.issues.IssueUpdated;
import com.triagedesk.issues.MessageAdded;
import com.triagedesk.issues.MessageKind;

/**
 * Turns issue events into webhook deliveries, inside the transaction of the change: a change and
 * its deliveries are stored together or not at all. Internal notes are never announced.
 */
@Component
class WebhookEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Webhooks webhooks;

	WebhookEvents(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@EventListener
	void on(IssueCreated event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("issueKey", event.key().value());
		data.put("status", event.status().name());
		data.put("channel", event.channel().name());
		data.put("followUpOf", event.followUpOf() == null ? null : event.followUpOf().value());
		data.put("splitFrom", event.splitFrom() == null ? null : event.splitFrom().value());
		publish("issue.created", event.occurredAt(), data);
	}

	@EventListener
	void on(IssueStatusChanged event) {
		publish("issue.status_changed", event.occurredAt(), Map.of("issueKey", event.key().value(), "from",
				event.from().name(), "to", event.to().name(), "actor", event.actor().id()));
	}

	@EventListener
	void on(MessageAdded event) {
		if (event.kind() == MessageKind.NOTE) {
			return;
		}
		publish("issue.message_added", event.occurredAt(), Map.of("issueKey", event.key().value(), "messageId",
				event.messageId(), "kind", event.kind().name()));
	}

	@EventListener
	void on(IssueUpdated event) {
		publish("issue.updated", event.occurredAt(),
				Map.of("issueKey", event.key().value(), "changes", event.changes(), "actor", event.actor().id()));
	}

	private void publish(String type, Instant at, Map<String, Object> data) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", "evt_" + UUID.randomUUID());
		payload.put("type", type);
		payload.put("createdAt", at.toString());
		payload.put("data", data);
		webhooks.enqueue(type, JSON.writeValueAsString(payload));
	}

}
