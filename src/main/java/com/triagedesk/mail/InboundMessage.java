package com.triagedesk.mail;

import java.util.List;

/**
 * An inbound e-mail as read: addresses, threading headers, the text the sender wrote and the
 * files, plus the first loop signal found (null for none).
 */
record InboundMessage(String messageId, String from, String fromName, List<String> to, List<String> cc,
		String subject, String inReplyTo, List<String> references, String text, String signature, boolean quoted,
		List<File> files, String loopSignal, List<String> notes) {

	/**
	 * A file that came with the mail; {@code image} when its content is one.
	 */
	record File(String filename, String contentType, byte[] content, boolean image) {
	}

	/**
	 * Every Message-ID this mail answers, nearest first.
	 */
	List<String> answers() {
		List<String> ids = new java.util.ArrayList<>();
		if (inReplyTo != null) {
			ids.add(inReplyTo);
		}
		for (int i = references.size() - 1; i >= 0; i--) {
			if (!ids.contains(references.get(i))) {
				ids.add(references.get(i));
			}
		}
		return ids;
	}

}
