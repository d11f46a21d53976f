package com.triagedesk.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where webhooks may go: not to this machine or the private network behind it (server-side
 * request forgery: a subscription to {@code https://10.0.0.5/admin} would make Triage Desk call
 * internal services and show their answers in the delivery log). Checked when a URL is subscribed
 * and again before every delivery, since DNS answers change.
 */
final class WebhookTargets {

	private WebhookTargets() {
	}

	/**
	 * Why the URL's host may not be called, or empty when it may. A host that does not resolve
	 * (yet) passes here; its deliveries fail until it does.
	 */
	static Optional<String> refusal(URI url) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(url.getHost());
		}
		catch (UnknownHostException | SecurityException ex) {
			return Optional.empty();
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				return Optional.of(url.getHost() + " is a local or private address (" + address.getHostAddress() + ")");
			}
		}
		return Optional.empty();
	}

	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15 benchmarking, 240/4 reserved.
			return !((first == 100 && second >= 64 && second <= 127) || first == 0
					|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19))
					|| first >= 240);
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local addresses; IPv4-mapped addresses are judged as their IPv4 address.
			if ((bytes[0] & 0xfe) == 0xfc) {
				return false;
			}
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= bytes[i] == 0;
			}
			if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
				try {
					return isPublic(InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] }));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
		}
		return true;
	}

}
