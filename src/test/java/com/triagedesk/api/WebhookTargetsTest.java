package com.triagedesk.api;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks may not be pointed at this machine or the private networks behind it.
 */
class WebhookTargetsTest {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "10.0.0.5", "172.16.0.1", "192.168.1.1", "169.254.169.254",
			"100.64.0.1", "0.0.0.0", "224.0.0.1", "198.18.0.1", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.5",
			"::ffff:127.0.0.1" })
	void localAndPrivateAddressesAreRefused(String address) throws Exception {
		assertThat(WebhookTargets.isPublic(InetAddress.getByName(address))).isFalse();
		assertThat(WebhookTargets.refusal(URI.create("https://" + (address.contains(":") ? "[" + address + "]" : address)
				+ "/hook"))).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "185.12.64.1", "2001:4860:4860::8888", "::ffff:8.8.8.8" })
	void publicAddressesAreAllowed(String address) throws Exception {
		assertThat(WebhookTargets.isPublic(InetAddress.getByName(address))).isTrue();
	}

}
