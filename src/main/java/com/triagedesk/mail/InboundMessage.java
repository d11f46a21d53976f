package com.triagedesk.mail;

import java.util.List;

/**
 * An inbound e-mail as read: addresses, threading headers, the text the sender wrote and the
 * files, plus the first loop signal found (null for none).
 *
 * @param text what a reply says now: without quoted history and signature
 * @param fullText the whole text: a new request keeps everything (a forwarded mail, curl's
 * {@code >} lines), only its signature aside
 */
record InboundMessage(String messageId, String from, String fromName, List<String> to, List<String> cc,
		String subject, String inReplyTo, List<String> references, String text, String signature, boolean quoted,
		String fullText, List<File> files, String loopSignal, List<String> notes) {

	/**
	 * A file that came with the mail; {@code image} when its content is one.
	 */
	record File(String filename, String contentType, byte[] content, boolean image) {
	}

	/**
	 * The same mail with another display name for the sender (the name with its secrets cut).
	 */
	InboundMessage withFromName(String name) {
		return new InboundMessage(messageId, from, name, to, cc, subject, inReplyTo, references, text, signature, quoted,
				fullText, files, loopSignal, notes);
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
