/**
 * E-mail in and out: the outbox and its sender, auto-replies and updates, IMAP polling and
 * {@code /api/v1/inbound-email}, threading, quote stripping, loop guard and intake log. Not built yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail",
		allowedDependencies = { "issues", "checklist", "secrets", "routing" })
package com.triagedesk.mail;
