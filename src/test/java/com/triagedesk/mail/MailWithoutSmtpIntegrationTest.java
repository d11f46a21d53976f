package com.triagedesk.mail;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no SMTP server configured (the default on a fresh machine) requests still succeed, and
 * their mails wait in the outbox, complete, for the day one is.
 */
class MailWithoutSmtpIntegrationTest extends AppIntegrationTest {

	@Autowired
	OutboxWorker worker;

	@Test
	void mailWaitsInTheOutboxAndTheRequestSucceeds() {
		var response = http.postJson("/api/v1/requests", """
				{"subject": "Capture fails with 500", "description": "It fails when we capture.",
				 "reporter": {"email": "kari@acme-shop.no"}, "cc": ["ola@acme-shop.no"]}
				""");
		assertThat(response.status()).isEqualTo(201);
		String key = response.json().get("issueKey").asString();

		assertThat(worker.runOnce()).isZero();

		Map<String, Object> mail = jdbc.sql("select status, attempts, to_address, cc_addresses[1] as cc, subject "
				+ "from mail_outbox where issue_key = ?").param(key).query().singleRow();
		assertThat(mail).containsEntry("status", "PENDING")
			.containsEntry("attempts", 0)
			.containsEntry("to_address", "kari@acme-shop.no")
			.containsEntry("cc", "ola@acme-shop.no")
			.containsEntry("subject", "[" + key + "] Capture fails with 500");
	}

}
