package com.triagedesk.api;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import dev.triagedesk.client.ApiClient;
import dev.triagedesk.client.ApiException;
import dev.triagedesk.client.ApiResponse;
import dev.triagedesk.client.api.EMailApi;
import dev.triagedesk.client.api.IssuesApi;
import dev.triagedesk.client.api.MerchantsApi;
import dev.triagedesk.client.api.RedirectsApi;
import dev.triagedesk.client.api.RequestsApi;
import dev.triagedesk.client.api.WebhooksApi;
import dev.triagedesk.client.model.CreatedWebhook;
import dev.triagedesk.client.model.FollowUpRequest;
import dev.triagedesk.client.model.FollowUpResponse;
import dev.triagedesk.client.model.HttpExchange;
import dev.triagedesk.client.model.InboundEmailResult;
import dev.triagedesk.client.model.IntakeResponse;
import dev.triagedesk.client.model.IssueChanges;
import dev.triagedesk.client.model.IssueDetails;
import dev.triagedesk.client.model.Merchant;
import dev.triagedesk.client.model.MerchantFields;
import dev.triagedesk.client.model.MergeRequest;
import dev.triagedesk.client.model.MessageText;
import dev.triagedesk.client.model.NewParticipant;
import dev.triagedesk.client.model.NewWebhookSubscription;
import dev.triagedesk.client.model.PostedMessage;
import dev.triagedesk.client.model.Reporter;
import dev.triagedesk.client.model.SplitRequest;
import dev.triagedesk.client.model.SplitResult;
import dev.triagedesk.client.model.SupportRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.triagedesk.AppIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Java client generated from the committed OpenAPI document (openapi-generator, library
 * {@code native}) drives every operation of the API, as an integration developer's would: the
 * document is complete and right enough for code generators.
 */
class GeneratedClientIntegrationTest extends AppIntegrationTest {

	@Autowired
	ApiKeys keys;

	ApiClient anonymous;

	ApiClient staff;

	String reporter;

	@BeforeEach
	void clients() {
		anonymous = new ApiClient();
		anonymous.updateBaseUri(http.url(""));
		staff = new ApiClient();
		staff.updateBaseUri(http.url(""));
		String key = keys.create("generated client", EnumSet.allOf(ApiScope.class), "test").key();
		staff.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
		// A new reporter each run: the loop guard caps automatic mail per address and hour.
		reporter = "kari." + UUID.randomUUID().toString().substring(0, 8) + "@acme-shop.no";
	}

	SupportRequest request(String subject) {
		return new SupportRequest().subject(subject)
			.description("1. We call POST /epayment/v1/payments from our checkout.\n2. It returns HTTP 400 with error "
					+ "code 4040 (Invalid amount).\nExpected: a payment. Actual: 400 every time since 08:15.")
			.reporter(new Reporter().name("Kari Nordmann").email(reporter))
			.organizationNumber("123456785")
			.merchantSerialNumber("123456")
			.product("ePayment API")
			.environment("TEST")
			.orderId("acme-shop-123-order123abc")
			.occurredOn(List.of("2026-11-20"))
			.httpExchange(new HttpExchange()
				.request("POST /epayment/v1/payments HTTP/1.1\nHost: apitest.vipps.no\nMerchant-Serial-Number: 123456\n"
						+ "Content-Type: application/json\n\n{\"amount\":{\"currency\":\"NOK\",\"value\":49900}}")
				.response("HTTP/1.1 400 Bad Request\nContent-Type: application/problem+json\n\n"
						+ "{\"title\":\"Bad Request\",\"detail\":\"Invalid amount\",\"status\":400}"));
	}

	@Test
	void aDeveloperChecksSendsFollowsUpAndReadsTheirIssue() throws ApiException {
		RequestsApi requests = new RequestsApi(anonymous);

		IntakeResponse check = requests.checkRequest(request("Check: ePayment gives 400 (4040)"), null);
		IntakeResponse sent = requests.submitRequest(request("ePayment gives 400 (4040 Invalid amount)"), null,
				UUID.randomUUID().toString());
		FollowUpResponse followUp = new IssuesApi(anonymous).addFollowUp(sent.getIssueKey(),
				new FollowUpRequest().text("It also happens with 1000 øre."), sent.getFollowUpToken(), null);
		IssueDetails mine = new IssuesApi(anonymous).getIssue(sent.getIssueKey(), sent.getFollowUpToken());

		assertThat(check.getIssueKey()).isNull();
		assertThat(check.getChecklist().getItems()).hasSize(12);
		assertThat(sent.getOutcome()).isEqualTo("ISSUE_CREATED");
		assertThat(sent.getIssueKey()).matches("VSD-\\d{6,}");
		assertThat(sent.getFacts().getMerchantSerialNumber()).isEqualTo("123456");
		assertThat(followUp.getIssueKey()).isEqualTo(sent.getIssueKey());
		assertThat(mine.getKey()).isEqualTo(sent.getIssueKey());
		assertThat(mine.getMessages()).hasSizeGreaterThanOrEqualTo(2);
		ApiException unknown = catchApi(() -> new IssuesApi(anonymous).getIssue("VSD-999999999", "nope"));
		assertThat(unknown.getCode()).isEqualTo(404);
		assertThat(unknown.getResponseBody()).contains("urn:triage-desk:problem:");
	}

	@Test
	void staffListUpdateReplyAndReorganiseIssues() throws ApiException {
		IntakeResponse sent = new RequestsApi(anonymous).submitRequest(request("Capture fails with HTTP 500"), null, null);
		String key = sent.getIssueKey();
		IssuesApi issues = new IssuesApi(staff);

		assertThat(issues.listIssues(null, null, null, "123456", null, "Capture", null, null, 10).getItems())
			.anyMatch(summary -> summary.getKey().equals(key));
		ApiResponse<IssueDetails> read = issues.getIssueWithHttpInfo(key, null);
		String etag = read.getHeaders().get("etag").get(0);
		IssueDetails updated = issues.updateIssue(key,
				new IssueChanges().assignee("ola.support@provider.example").priority(IssueChanges.PriorityEnum.HIGH), etag);
		assertThat(updated.getAssignee()).isEqualTo("ola.support@provider.example");
		assertThat(catchApi(() -> issues.updateIssue(key, new IssueChanges().assignee("late@provider.example"), etag))
			.getCode()).isEqualTo(412);

		PostedMessage reply = issues.addReply(key, new MessageText().text("Which currency does MSN 123456 use?"), null);
		PostedMessage note = issues.addNote(key, new MessageText().text("Sales unit is set up for DKK."), null);
		assertThat(reply.getIssueKey()).isEqualTo(key);
		assertThat(note.getKind()).isEqualTo(PostedMessage.KindEnum.NOTE);
		assertThat(issues.addParticipant(key, new NewParticipant().email("dev@acme-shop.no"), null).getAdded()).isTrue();
		issues.removeParticipant(key, "dev@acme-shop.no");
		SplitResult split = issues.splitIssue(key,
				new SplitRequest().subject("Currency of sales unit 123456")
					.description("Split off: which currency the sales unit uses."), null);
		IssueDetails merged = issues.mergeIssue(split.getIssueKey(), new MergeRequest().into(key), null);

		assertThat(split.getSplitFrom()).isEqualTo(key);
		assertThat(merged.getKey()).isEqualTo(key);
		assertThat(issues.getIssue(split.getIssueKey(), null).getKey()).isEqualTo(key);
	}

	@Test
	void redirectsMerchantsMailAndWebhooksWorkThroughTheClient() throws ApiException {
		IntakeResponse redirected = new RequestsApi(anonymous).submitRequest(new SupportRequest()
			.subject("WooCommerce plugin: order stays on hold after payment")
			.description("We use the Vipps MobilePay plugin for WooCommerce (version 4.0.3). After the customer pays, "
					+ "the order stays on hold. Which settings should we change?")
			.reporter(new Reporter().email(reporter)), null, null);
		RedirectsApi redirects = new RedirectsApi(staff);
		assertThat(redirected.getOutcome()).isEqualTo("REDIRECTED");
		assertThat(redirects.listRedirects("PLUGIN_VENDOR", null, false, null, 200).getItems())
			.anyMatch(redirect -> redirect.getId().equals(redirected.getRedirectId()));
		assertThat(redirects.getRedirect(redirected.getRedirectId()).getDestination()).isEqualTo("PLUGIN_VENDOR");
		assertThat(redirects.convertRedirect(redirected.getRedirectId(), null).getIssueKey()).startsWith("VSD-");

		MerchantsApi merchants = new MerchantsApi(staff);
		assertThat(merchants.importMerchants("msn,organization_number,name,psp\n990011,918713867,Client Test AS,Acme PSP\n",
				null).getImported()).isEqualTo(1);
		assertThat(merchants.listMerchants("Client Test", null, 10).getItems()).extracting(Merchant::getName)
			.containsExactly("Client Test AS");
		merchants.saveMerchant("990011", new MerchantFields().name("Client Test AS").posVendor("Kasse AS"));
		assertThat(merchants.getMerchant("990011").getPosVendor()).isEqualTo("Kasse AS");
		merchants.deleteMerchant("990011");
		assertThat(catchApi(() -> merchants.getMerchant("990011")).getCode()).isEqualTo(404);

		EMailApi mail = new EMailApi(staff);
		String raw = "From: " + reporter + "\r\nTo: support@localhost\r\nSubject: Recurring agreement stuck in PENDING\r\n"
				+ "Message-ID: <" + UUID.randomUUID() + "@acme-shop.no>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
				+ "Our agreement for MSN 123456 stays PENDING after the user accepted it in the app.\r\n";
		InboundEmailResult ingested = mail.ingestEmail(raw, null);
		assertThat(ingested.getOutcome()).isEqualTo("NEW_ISSUE");
		assertThat(mail.listInboundEmail(null, ingested.getIssueKey(), 10)).hasSize(1);
		assertThat(mail.listOutbox(null, ingested.getIssueKey(), 10)).isNotEmpty();

		WebhooksApi webhooks = new WebhooksApi(staff);
		CreatedWebhook created = webhooks.createWebhook(new NewWebhookSubscription().url("https://crm.acme-tools.example/hooks")
			.events(List.of("issue.created")), null);
		assertThat(created.getSecret()).isNotBlank();
		assertThat(webhooks.listWebhooks()).anyMatch(subscription -> subscription.getId().equals(created.getId()));
		// Only what it subscribed to (the mail's issue.created may still be on its way).
		assertThat(webhooks.listWebhookDeliveries(created.getId(), 10))
			.allMatch(delivery -> delivery.getEventType().equals("issue.created"));
		webhooks.deleteWebhook(created.getId());
		// Deleted subscriptions stay listed, inactive, so their delivery log can still be read.
		assertThat(webhooks.listWebhooks()).noneMatch(
				subscription -> subscription.getId().equals(created.getId()) && subscription.getActive());
	}

	interface ApiCall {

		void run() throws ApiException;

	}

	static ApiException catchApi(ApiCall call) {
		return org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class, call::run);
	}

}
