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

	@Test
	void anAdminSubscribesAWebhookAndSeesTheSecretOnce() throws Exception {
		WebSession admin = new WebSession(http).logIn(newStaff(StaffUsers.Role.ADMIN));

		HttpResponse<String> created = admin.post("/dashboard/admin/webhooks",
				"url=" + WebSession.encode("https://crm.acme-tools.example/hooks/" + UUID.randomUUID())
						+ "&events=issue.created&events=issue.status_changed&description=CRM",
				admin.csrf("/dashboard/admin/webhooks"));
		String secret = Jsoup.parse(created.body()).getElementById("new-secret").text();
		HttpResponse<String> later = admin.get("/dashboard/admin/webhooks");

		assertThat(secret).startsWith("whsec_");
		assertThat(later.body()).doesNotContain(secret).contains("crm.acme-tools.example");
		HttpResponse<String> refused = admin.post("/dashboard/admin/webhooks", "url=ftp%3A%2F%2Fnope&events=issue.created",
				admin.csrf("/dashboard/admin/webhooks"));
		assertThat(refused.statusCode()).isEqualTo(302);
		// Not to this machine or the private network behind it (server-side request forgery).
		for (String internal : new String[] { "https://127.0.0.1/x", "https://localhost/x", "https://10.0.0.5/admin",
				"https://[::1]/x", "https://169.254.169.254/latest/meta-data" }) {
			admin.post("/dashboard/admin/webhooks", "url=" + WebSession.encode(internal) + "&events=issue.created",
					admin.csrf("/dashboard/admin/webhooks"));
			assertThat(jdbc.sql("select count(*) from webhook_subscription where url = ?").param(internal).query(Long.class)
				.single()).as(internal).isZero();
		}
		assertThat(admin.get("/dashboard/admin/webhooks").statusCode()).isEqualTo(200);
	}

	@Test
	void anAdminUploadsTheMerchantDirectory() throws Exception {
		WebSession admin = new WebSession(http).logIn(newStaff(StaffUsers.Role.ADMIN));
		String csrf = admin.csrf("/dashboard/admin/merchants");
		String msn = String.valueOf(4_000_000 + (int) (Math.random() * 999_999));

		HttpResponse<String> uploaded = admin.upload("/dashboard/admin/merchants?_csrf=" + WebSession.encode(csrf), "file",
				"merchants.csv", "msn,name,psp\n" + msn + ",Upload Test AS,Acme PSP\n");
		HttpResponse<String> found = admin.get("/dashboard/admin/merchants?q=" + msn);

		assertThat(uploaded.statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(found.body()).select("#merchants").text()).contains("Upload Test AS");
		assertThat(new WebSession(http).logIn(newStaff(StaffUsers.Role.AGENT)).get("/dashboard/admin/merchants").statusCode())
			.isEqualTo(403);
		// A form post without the file is the sender's mistake, not a server error.
		assertThat(admin.post("/dashboard/admin/merchants", "x=1", admin.csrf("/dashboard/admin/merchants")).statusCode())
			.isEqualTo(400);
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
