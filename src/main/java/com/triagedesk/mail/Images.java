package com.triagedesk.mail;

/**
 * Images recognised by their first bytes, whatever their name or declared type says.
 */
final class Images {

	private Images() {
	}

	static boolean isImage(byte[] content) {
		return contentType(content) != null;
	}

	static String contentType(byte[] c) {
		if (starts(c, 0x89, 'P', 'N', 'G')) {
			return "image/png";
		}
		if (starts(c, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (starts(c, 'G', 'I', 'F', '8')) {
			return "image/gif";
		}
		if (c.length >= 12 && starts(c, 'R', 'I', 'F', 'F') && c[8] == 'W' && c[9] == 'E' && c[10] == 'B'
				&& c[11] == 'P') {
			return "image/webp";
		}
		return null;
	}

	private static boolean starts(byte[] content, int... prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((content[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
