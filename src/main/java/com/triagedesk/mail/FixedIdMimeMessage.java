package com.triagedesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose Message-ID is the one the outbox gave it, not a fresh one per send: a mail
 * sent again after a crash is then recognisably the same mail to every mail client.
 */
final class FixedIdMimeMessage extends MimeMessage {

	private final String messageId;

	FixedIdMimeMessage(Session session, String messageId) {
		super(session);
		this.messageId = messageId;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		setHeader("Message-ID", messageId);
	}

}
