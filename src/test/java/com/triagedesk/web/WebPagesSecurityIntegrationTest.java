package com.triagedesk.web;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.dashboard.StaffUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages' security: log-in required for every dashboard page, administration for admins
 * only, CSRF tokens on every form, a locked account after repeated wrong passwords, protective
 * headers, and user text shown as text.
 */
class WebPagesSecurityIntegrationTest extends AppIntegrationTest {

	@Autowired
	StaffUsers staff;

	@ParameterizedTest
	@ValueSource(strings = { "/dashboard", "/dashboard?status=OPEN", "/dashboard/issues/VSD-100001",
			"/dashboard/admin", "/dashboard/admin/users", "/dashboard/anything" })
	void everyDashboardPageSendsAnAnonymousVisitorToTheLogIn(String path) throws Exception {
		HttpResponse<String> response = session().get(path);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void anAgentCannotReachAdministration() throws Exception {
		WebSession agent = session().logIn(newStaff(StaffUsers.Role.AGENT));

		assertThat(agent.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(agent.get("/dashboard/admin").statusCode()).isEqualTo(403);
		assertThat(agent.get("/dashboard/admin/users").statusCode()).isEqualTo(403);
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		String key = createIssue("Plain description.");
		WebSession agent = session().logIn(newStaff(StaffUsers.Role.AGENT));
		long messages = jdbc.sql("select count(*) from message m join issue i on i.id = m.issue_id where i.issue_key = ?")
			.param(key)
			.query(Long.class)
			.single();

		HttpResponse<String> forged = agent.post("/dashboard/issues/" + key + "/reply", "text=Hello", null);

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from message m join issue i on i.id = m.issue_id where i.issue_key = ?")
			.param(key)
			.query(Long.class)
			.single()).isEqualTo(messages);
	}

	@Test
	void aScriptInTheDescriptionIsShownAsText() throws Exception {
		String key = createIssue("Checkout shows <script>alert('x')</script> and <img src=x onerror=alert(1)> in the page.");
		WebSession agent = session().logIn(newStaff(StaffUsers.Role.AGENT));

		HttpResponse<String> page = agent.get("/dashboard/issues/" + key);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("<img src=x");
		assertThat(Jsoup.parse(page.body()).getElementById("description").text()).contains("<script>alert('x')</script>");
	}

	@Test
	void pagesCarryHeadersThatKeepThemFromBeingFramedOrFedForeignScripts() throws Exception {
		HttpResponse<String> page = session().get("/");

		assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
			.contains("frame-ancestors 'none'");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	@Test
	void theSessionCookieIsHiddenFromScriptsAndStaysOnThisSite() throws Exception {
		WebSession visitor = session();
		HttpResponse<String> login = visitor.get("/login");

		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("JSESSIONID=")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
		String email = newStaff(StaffUsers.Role.AGENT);
		for (int i = 0; i < 5; i++) {
			assertThat(session().tryLogIn(email, "wrong password " + i)).isFalse();
		}

		assertThat(session().tryLogIn(email, WebSession.PASSWORD)).isFalse();
		assertThat(staff.find(email).orElseThrow().lockedUntil()).isNotNull();
	}

	@Test
	void disablingSomeoneOrSettingTheirPasswordEndsTheSessionsTheyHave() throws Exception {
		String disabled = newStaff(StaffUsers.Role.AGENT);
		String reset = newStaff(StaffUsers.Role.AGENT);
		WebSession first = session().logIn(disabled);
		WebSession second = session().logIn(reset);
		assertThat(first.get("/dashboard").statusCode()).isEqualTo(200);

		staff.setEnabled(staff.find(disabled).orElseThrow().id(), false);
		staff.setPassword(staff.find(reset).orElseThrow().id(), "a brand new password 42");

		for (WebSession ended : new WebSession[] { first, second }) {
			HttpResponse<String> response = ended.get("/dashboard");
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElse("")).contains("/login");
			assertThat(ended.get("/dashboard").headers().firstValue("Location").orElse("")).endsWith("/login");
		}
	}

	@Test
	void oddAddressesAndFormsAreAnsweredWithoutServerErrors() throws Exception {
		WebSession agent = session().logIn(newStaff(StaffUsers.Role.AGENT));
		String csrf = agent.csrf("/dashboard/issues/" + createIssue("Plain."));

		assertThat(agent.post("/dashboard/issues/%7Bx%7D/note", "text=hi", csrf).statusCode()).isEqualTo(302);
		assertThat(agent.post("/dashboard/issues/" + createIssue("Plain.") + "/update", "version=abc", csrf).statusCode())
			.isEqualTo(400);
		WebSession visitor = session();
		String publicCsrf = visitor.csrf("/");
		HttpResponse<String> braces = visitor.post("/requests/%7Bx%7D", "token=%7Bx%7D%0D%0ASet-Cookie:+a%3Db&text=hi",
				publicCsrf);
		assertThat(braces.statusCode()).isEqualTo(302);
		assertThat(braces.headers().firstValue("Location").orElse("")).doesNotContain("\r").contains("%7Bx%7D");
		HttpResponse<String> wrongToken = visitor.get("/requests/" + createIssue("Plain.") + "?token=wrong");
		assertThat(wrongToken.statusCode()).isEqualTo(404);
		assertThat(wrongToken.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
	}

	@Test
	void aPasswordSomeoneElseSetOpensNothingButThePageToReplaceIt() throws Exception {
		String email = newStaff(StaffUsers.Role.AGENT);
		staff.setPassword(staff.find(email).orElseThrow().id(), "set by the administrator");
		WebSession agent = session();
		assertThat(agent.tryLogIn(email, "set by the administrator")).isTrue();

		for (String page : new String[] { "/dashboard", "/dashboard/issues/VSD-100001", "/dashboard/mail" }) {
			assertThat(agent.get(page).headers().firstValue("Location").orElse("")).endsWith("/dashboard/password");
		}
		String csrf = agent.csrf("/dashboard/password");
		HttpResponse<String> wrong = agent.post("/dashboard/password",
				"current=guess&password=my+own+password+1&repeat=my+own+password+1", csrf);
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("The current password is not right.");
		HttpResponse<String> changed = agent.post("/dashboard/password",
				"current=set+by+the+administrator&password=my+own+password+1&repeat=my+own+password+1", csrf);

		assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/login?changed");
		WebSession again = session();
		assertThat(again.tryLogIn(email, "my own password 1")).isTrue();
		assertThat(again.get("/dashboard").statusCode()).isEqualTo(200);
	}

	private String newStaff(StaffUsers.Role role) {
		String email = role.name().toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
		staff.create(email, "Test " + role, role, WebSession.PASSWORD);
		return email;
	}

	private String createIssue(String description) {
		return http.postJson("/api/v1/requests", """
				{"subject": "Checkout page problem", "description": %s, "reporter": {"email": "dev.web@acme-shop.no"}}"""
			.formatted(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(description)))
			.json()
			.get("issueKey")
			.asString();
	}

	WebSession session() {
		return new WebSession(http);
	}

}
