/**
 * E-mail in and out. Built: the outbox and its worker, auto-replies, redirect mails, updates to
 * every participant and rotation warnings, in English or Norwegian. Still to come: IMAP polling and
 * {@code /api/v1/inbound-email}, threading of inbound mail, quote stripping, loop guard, intake log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail",
		allowedDependencies = { "issues", "checklist", "secrets", "routing" })
package com.triagedesk.mail;
