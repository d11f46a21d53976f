package com.triagedesk.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.TestHttp;
import com.triagedesk.dashboard.StaffUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator adds staff and creates API keys in the dashboard: the key is shown once and
 * works on the API with exactly its scopes; a revoked key stops working.
 */
class AdminPagesIntegrationTest extends AppIntegrationTest {

	@Autowired
	StaffUsers staff;

	@Test
	void anAdminCreatesAKeyThatIsShownOnceAndWorksWithItsScopes() throws Exception {
		WebSession admin = new WebSession(http).logIn(newStaff(StaffUsers.Role.ADMIN));

		HttpResponse<String> created = admin.post("/dashboard/admin/api-keys",
				"name=CRM+sync&scopes=ISSUES_READ", admin.csrf("/dashboard/admin/api-keys"));
		String key = Jsoup.parse(created.body()).getElementById("new-key").text();
		HttpResponse<String> later = admin.get("/dashboard/admin/api-keys");

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(key).startsWith("td_");
		assertThat(later.body()).doesNotContain(key).contains("CRM sync");
		assertThat(api("/api/v1/issues", key).status()).isEqualTo(200);
		assertThat(api("/api/v1/webhooks", key).status()).isEqualTo(403);

		String prefix = key.substring(3, key.indexOf('_', 3));
		admin.post("/dashboard/admin/api-keys/revoke", "prefix=" + prefix, admin.csrf("/dashboard/admin/api-keys"));

		assertThat(api("/api/v1/issues", key).status()).isEqualTo(401);
	}

	@Test
	void anAdminAddsAnAgentWhoCanLogInAndDisablesThem() throws Exception {
		WebSession admin = new WebSession(http).logIn(newStaff(StaffUsers.Role.ADMIN));
		String email = "new.agent." + UUID.randomUUID().toString().substring(0, 6) + "@provider.example";

		admin.post("/dashboard/admin/users", "email=" + WebSession.encode(email) + "&name=New+Agent&role=AGENT&password="
				+ WebSession.encode(WebSession.PASSWORD), admin.csrf("/dashboard/admin/users"));

		assertThat(new WebSession(http).tryLogIn(email, WebSession.PASSWORD)).isTrue();
		long id = staff.find(email).orElseThrow().id();
		admin.post("/dashboard/admin/users/enabled", "id=" + id + "&enabled=false", admin.csrf("/dashboard/admin/users"));
		assertThat(new WebSession(http).tryLogIn(email, WebSession.PASSWORD)).isFalse();
	}

	@Test
	void aShortPasswordIsRefused() throws Exception {
		WebSession admin = new WebSession(http).logIn(newStaff(StaffUsers.Role.ADMIN));
		String email = "short." + UUID.randomUUID().toString().substring(0, 6) + "@provider.example";

		admin.post("/dashboard/admin/users", "email=" + WebSession.encode(email) + "&name=Short&role=AGENT&password=hunter2",
				admin.csrf("/dashboard/admin/users"));

		assertThat(staff.find(email)).isEmpty();
	}

	private TestHttp.Response api(String path, String key) {
		return http.send(HttpRequest.newBuilder(URI.create(http.url(path))).header("Authorization", "Bearer " + key).build());
	}

	private String newStaff(StaffUsers.Role role) {
		String email = role.name().toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
		staff.create(email, "Test " + role, role, WebSession.PASSWORD);
		return email;
	}

}
