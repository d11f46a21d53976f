package com.triagedesk.web;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.triagedesk.TestHttp;
import com.triagedesk.dashboard.StaffUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log-in attempts and sent requests are limited per client address: a password sprayer or a
 * mail-bomber from one address is stopped with 429 before a password is checked or a mail queued.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "triage.web.log-ins-per-minute=3", "triage.web.sends-per-minute=2" })
class WebRateLimitIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	StaffUsers staff;

	@Test
	void theFourthLogInAttemptInAMinuteIsRefusedWithoutCheckingThePassword() throws Exception {
		TestHttp http = new TestHttp(port);
		String email = "limited." + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
		staff.create(email, "Limited", StaffUsers.Role.AGENT, WebSession.PASSWORD);
		for (int i = 0; i < 3; i++) {
			new WebSession(http).tryLogIn(email, "wrong " + i);
		}

		WebSession fourth = new WebSession(http);
		String csrf = fourth.csrf("/login");
		HttpResponse<String> refused = fourth.post("/login", "username=" + WebSession.encode(email) + "&password="
				+ WebSession.encode(WebSession.PASSWORD), csrf);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		// Three wrong passwords counted, not four: the refused attempt never reached the check.
		assertThat(staff.find(email).orElseThrow().lockedUntil()).isNull();
	}

	@Test
	void theThirdRequestSentFromTheFormInAMinuteIsRefused() throws Exception {
		TestHttp http = new TestHttp(port);
		WebSession visitor = new WebSession(http);
		String csrf = visitor.csrf("/");
		String form = "subject=Capture+fails&description=1.+We+capture.+2.+We+get+HTTP+500.&email=kari.limit%40acme-shop.no";

		int[] statuses = new int[3];
		for (int i = 0; i < 3; i++) {
			statuses[i] = visitor.post("/requests", form, csrf).statusCode();
		}

		assertThat(statuses[0]).isEqualTo(302);
		assertThat(statuses[1]).isEqualTo(302);
		assertThat(statuses[2]).isEqualTo(429);
	}

}
