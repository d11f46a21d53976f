package com.triagedesk.web;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.dashboard.StaffUsers;
import com.triagedesk.routing.Merchant;
import com.triagedesk.routing.MerchantDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's other pages and actions over HTTP: search by MSN, the queue, split, escalation
 * to the key account manager, redirects turned into issues, and the mail pages.
 */
class DashboardActionsIntegrationTest extends AppIntegrationTest {

	@Autowired
	StaffUsers staff;

	@Autowired
	MerchantDirectory merchants;

	WebSession agent;

	@BeforeEach
	void logIn() throws Exception {
		String email = "agent." + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
		staff.create(email, "Agent", StaffUsers.Role.AGENT, WebSession.PASSWORD);
		agent = new WebSession(http).logIn(email);
	}

	@Test
	void anIssueIsFoundByItsMsnAndEscalatedToTheMerchantsKam() throws Exception {
		String msn = String.valueOf(5_000_000 + (int) (Math.random() * 999_999));
		merchants.save(new Merchant(msn, null, "Bakeri Nord AS", null, null, null, null, null, null, "Per KAM",
				"per.kam@provider.example"));
		String key = createIssue("Capture fails", "1. We capture. 2. We get HTTP 500.", msn);

		Document found = Jsoup.parse(agent.get("/dashboard?q=" + msn).body());
		assertThat(found.select("tr[data-key=" + key + "]")).hasSize(1);

		Document page = Jsoup.parse(agent.get("/dashboard/issues/" + key).body());
		assertThat(page.getElementById("merchant").text()).contains("Bakeri Nord AS").contains("per.kam@provider.example");
		HttpResponse<String> escalated = agent.post("/dashboard/issues/" + key + "/escalate-to-kam",
				"version=" + page.select("#status-form input[name=version]").val(), csrf(page));

		assertThat(escalated.statusCode()).isEqualTo(302);
		Document after = Jsoup.parse(agent.get("/dashboard/issues/" + key).body());
		assertThat(after.select("#participants li[data-email=per.kam@provider.example]")).hasSize(1);
		assertThat(after.text()).contains("escalated: Escalated to the key account manager Per KAM");
	}

	@Test
	void aParticipantRemovedInTheDashboardIsNotAddedBackByTheReportersNextCc() throws Exception {
		tools.jackson.databind.JsonNode created = http.postJson("/api/v1/requests", """
				{"subject": "Capture fails", "description": "1. We capture. 2. We get HTTP 500.",
				 "reporter": {"email": "rm.%s@acme-shop.no"}, "cc": ["old.colleague@acme-shop.no"]}""".formatted(
				UUID.randomUUID().toString().substring(0, 6))).json();
		String key = created.get("issueKey").asString();
		Document page = Jsoup.parse(agent.get("/dashboard/issues/" + key).body());

		HttpResponse<String> removed = agent.post("/dashboard/issues/" + key + "/participants/remove",
				"email=old.colleague%40acme-shop.no", csrf(page));
		http.postJson("/api/v1/issues/" + key + "/messages",
				"{\"text\": \"The MSN is 123456.\", \"cc\": [\"old.colleague@acme-shop.no\"]}", "Follow-Up-Token",
				created.get("followUpToken").asString());

		assertThat(removed.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select coalesce(p.removed_by, '(active again)') from participant p join issue i on i.id = p.issue_id "
				+ "where i.issue_key = ? and p.email = 'old.colleague@acme-shop.no'").param(key).query(String.class).single())
			.startsWith("staff:");
		assertThat(jdbc.sql("select count(*) from participant p join issue i on i.id = p.issue_id where i.issue_key = ? "
				+ "and p.email = 'old.colleague@acme-shop.no' and p.removed_at is null").param(key).query(Long.class).single())
			.isZero();
	}

	@Test
	void aMessageIsSplitOffIntoANewIssue() throws Exception {
		tools.jackson.databind.JsonNode created0 = http.postJson("/api/v1/requests", """
				{"subject": "Capture fails", "description": "1. We capture. 2. We get HTTP 500.",
				 "reporter": {"email": "two.%s@acme-shop.no"}}""".formatted(UUID.randomUUID().toString().substring(0, 6))).json();
		String key = created0.get("issueKey").asString();
		http.postJson("/api/v1/issues/" + key + "/messages", "{\"text\": \"Also: refunds take three days.\"}",
				"Follow-Up-Token", created0.get("followUpToken").asString());
		Document page = Jsoup.parse(agent.get("/dashboard/issues/" + key).body());
		String messageId = page.select("#split-form input[name=messageIds]").first().val();

		HttpResponse<String> split = agent.post("/dashboard/issues/" + key + "/split",
				"subject=Refunds+are+slow&messageIds=" + messageId, csrf(page));

		String location = split.headers().firstValue("Location").orElse("");
		assertThat(location).matches(".*/dashboard/issues/VSD-\\d{6,}").doesNotEndWith(key);
		Document created = Jsoup.parse(agent.get(location.substring(location.indexOf("/dashboard"))).body());
		assertThat(created.select("h1").text()).contains("Refunds are slow");
		assertThat(created.select("#thread").text()).contains("refunds take three days");
	}

	@Test
	void aRedirectedRequestIsTurnedIntoAnIssueFromTheRedirectsPage() throws Exception {
		String redirectId = http.postJson("/api/v1/requests", """
				{"subject": "WooCommerce plugin: order stays on hold", "description": "We use the Vipps MobilePay plugin for WooCommerce (version 4.0.3). The order stays on hold after payment.",
				 "reporter": {"email": "shop.%s@acme-shop.no"}}""".formatted(UUID.randomUUID().toString().substring(0, 6)))
			.json()
			.get("redirectId")
			.asString();

		Document page = Jsoup.parse(agent.get("/dashboard/redirects").body());
		assertThat(page.select("tr[data-id=" + redirectId + "]")).hasSize(1);
		HttpResponse<String> converted = agent.post("/dashboard/redirects/" + redirectId + "/issue", "", csrf(page));

		assertThat(converted.headers().firstValue("Location").orElse("")).matches(".*/dashboard/issues/VSD-\\d{6,}");
		assertThat(Jsoup.parse(agent.get("/dashboard/redirects").body()).select("tr[data-id=" + redirectId + "] a").text())
			.startsWith("VSD-");
	}

	@Test
	void theMailPageShowsTheAutoReplyInTheOutbox() throws Exception {
		String key = createIssue("Refund fails", "1. We refund. 2. We get HTTP 409.", null);

		HttpResponse<String> mail = agent.get("/dashboard/mail");

		assertThat(mail.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(mail.body()).select("#outbox").text()).contains("[" + key + "]");
	}

	@Test
	void theHttpExchangeShowsWhereSecretsWereCut() throws Exception {
		String key = http.postJson("/api/v1/requests", """
				{"subject": "Token call fails", "description": "1. We call the token endpoint. 2. We get HTTP 401.",
				 "reporter": {"email": "tok.%s@acme-shop.no"},
				 "httpExchange": {"request": "POST /accesstoken/get HTTP/1.1\\nHost: apitest.vipps.no\\nclient_secret: Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA\\nOcp-Apim-Subscription-Key: 0123456789abcdef0123456789abcdef",
				                  "response": "HTTP/1.1 401 Unauthorized"}}""".formatted(UUID.randomUUID().toString().substring(0, 6)))
			.json()
			.get("issueKey")
			.asString();

		Document page = Jsoup.parse(agent.get("/dashboard/issues/" + key).body());

		assertThat(page.select("#http-request mark.redacted")).hasSize(2);
		assertThat(page.select("#http-request").text()).doesNotContain("Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA")
			.doesNotContain("0123456789abcdef0123456789abcdef")
			.contains("Host: apitest.vipps.no");
	}

	@Test
	void severalIssuesAreAssignedAtOnceFromTheQueue() throws Exception {
		String first = createIssue("Refund fails", "1. We refund. 2. We get HTTP 409.", null);
		String second = createIssue("Capture fails", "1. We capture. 2. We get HTTP 500.", null);
		Document queue = Jsoup.parse(agent.get("/dashboard?status=NEEDS_INFO").body());

		HttpResponse<String> bulk = agent.post("/dashboard/bulk", "keys=" + first + "&keys=" + second
				+ "&assign=me&status=&back=NEEDS_INFO", csrf(queue));

		assertThat(bulk.statusCode()).isEqualTo(302);
		Document after = Jsoup.parse(agent.get("/dashboard?status=NEEDS_INFO").body());
		assertThat(after.getElementById("done").text()).isEqualTo("2 issues changed.");
		assertThat(after.select("tr[data-key=" + first + "]").text()).contains("agent.");
		assertThat(after.select("tr[data-key=" + second + "]").text()).contains("agent.");
		assertThat(Jsoup.parse(agent.get("/dashboard?status=NEEDS_INFO&who=mine").body()).select("tr[data-key=" + first + "]"))
			.hasSize(1);
		assertThat(Jsoup.parse(agent.get("/dashboard?status=NEEDS_INFO&who=nobody").body()).select("tr[data-key=" + first + "]"))
			.isEmpty();
		assertThat(Jsoup.parse(agent.get("/dashboard?status=NEEDS_INFO&who=mine&route=SETTLEMENTS").body())
			.select("tr[data-key=" + first + "]")).isEmpty();
	}

	@Test
	void screenshotsAreShownAsImagesAndOtherFilesOnlyDownloaded() throws Exception {
		com.triagedesk.Multipart multipart = new com.triagedesk.Multipart()
			.json("request", """
					{"subject": "Payment page is blank", "description": "1. We open the payment page. 2. It is blank.",
					 "reporter": {"email": "files.%s@acme-shop.no"}}""".formatted(UUID.randomUUID().toString().substring(0, 6)))
			.part("files", "blank.png", "image/png", com.triagedesk.intake.AttachmentIntakeIntegrationTestSupport.png())
			.part("files", "notes.txt", "text/plain", "<script>alert(1)</script> it fails at 08:15".getBytes());
		String key = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.url("/api/v1/requests")))
			.header("Content-Type", multipart.contentType())
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()))
			.build()).json().get("issueKey").asString();

		Document page = Jsoup.parse(agent.get("/dashboard/issues/" + key).body());
		String image = page.select("#attachments img.screenshot").attr("src");
		String text = page.select("#attachments a:contains(notes.txt)").attr("href");
		HttpResponse<String> png = agent.get(image);
		HttpResponse<String> txt = agent.get(text);

		assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(png.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");
		assertThat(png.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		assertThat(png.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(txt.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
		assertThat(txt.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		assertThat(txt.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(agent.get("/dashboard/issues/" + key + "/attachments/999999999").statusCode()).isEqualTo(404);
		assertThat(new WebSession(http).get(image).statusCode()).isEqualTo(302);
	}

	@Test
	void searchFindsWordsInTheThreadAndAnOrderIdExactly() throws Exception {
		String word = "Pelikan" + UUID.randomUUID().toString().substring(0, 6);
		String orderId = "acme-" + UUID.randomUUID().toString().substring(0, 8);
		tools.jackson.databind.JsonNode created = http.postJson("/api/v1/requests", """
				{"subject": "Refund fails", "description": "1. We refund. 2. We get HTTP 409.", "orderId": "%s",
				 "reporter": {"email": "search.%s@acme-shop.no"}}""".formatted(orderId, UUID.randomUUID().toString().substring(0, 6)))
			.json();
		String key = created.get("issueKey").asString();
		http.postJson("/api/v1/issues/" + key + "/messages", "{\"text\": \"It started after the " + word + " release.\"}",
				"Follow-Up-Token", created.get("followUpToken").asString());

		assertThat(Jsoup.parse(agent.get("/dashboard?q=" + word).body()).select("tr[data-key=" + key + "]")).hasSize(1);
		assertThat(Jsoup.parse(agent.get("/dashboard?q=" + orderId).body()).select("tr[data-key=" + key + "]")).hasSize(1);
	}

	@Test
	void insightsCountTodaysIssuesAndTheirRoutes() throws Exception {
		Document before = Jsoup.parse(agent.get("/dashboard/insights").body());
		long createdBefore = Long.parseLong(before.select("#days tbody tr").last().child(1).text());

		createIssue("Refund fails", "1. We refund. 2. We get HTTP 409.", null);
		createIssue("Capture fails", "1. We capture. 2. We get HTTP 500.", null);

		Document after = Jsoup.parse(agent.get("/dashboard/insights").body());
		assertThat(Long.parseLong(after.select("#days tbody tr").last().child(1).text())).isEqualTo(createdBefore + 2);
		assertThat(after.select("#routes").text()).contains("INTEGRATION_SERVICES");
		assertThat(after.getElementById("insights-data").data()).contains("\"targetHours\":4.0");
	}

	private String createIssue(String subject, String description, String msn) {
		return http.postJson("/api/v1/requests", """
				{"subject": "%s", "description": "%s", "merchantSerialNumber": %s,
				 "reporter": {"name": "Kari", "email": "kari.%s@acme-shop.no"}}"""
			.formatted(subject, description, msn == null ? "null" : "\"" + msn + "\"",
					UUID.randomUUID().toString().substring(0, 6)))
			.json()
			.get("issueKey")
			.asString();
	}

	private static String csrf(Document page) {
		return page.select("input[name=_csrf]").first().val();
	}

}
