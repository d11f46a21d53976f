package com.triagedesk.routing;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import com.triagedesk.checklist.ChecklistEvaluator;
import com.triagedesk.checklist.ChecklistInput;
import com.triagedesk.checklist.Evaluation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router with the catalogue of {@code application.yml}, over requests as people write them.
 */
class RouterTest {

	static final RoutingProperties PROPERTIES = properties();

	static final Merchant PARTNERED = new Merchant("223344", "918713867", "Fjellsport AS", "Webshop Partner AS",
			"support@webshoppartner.no", null, null, null, null, "Kari KAM", "kam@provider.example");

	static final Merchant PSP_MERCHANT = new Merchant("445566", "971234563", "Kaffebar AS", null, null, "Acme PSP",
			"help@acmepsp.example", null, null, null, null);

	static final Merchant POS_MERCHANT = new Merchant("556677", "923609016", "Bakeri AS", null, null, null, null,
			"KasseSystemer AS", "support@kassesystemer.example", null, null);

	static final Map<String, Merchant> DIRECTORY = Map.of("223344", PARTNERED, "445566", PSP_MERCHANT, "556677",
			POS_MERCHANT);

	final Router router = new Router(PROPERTIES,
			(msn, org) -> msn == null ? Optional.empty() : Optional.ofNullable(DIRECTORY.get(msn)));

	final ChecklistEvaluator evaluator = new ChecklistEvaluator(
			Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

	static RoutingProperties properties() {
		try {
			StandardEnvironment environment = new StandardEnvironment();
			new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
				.forEach(environment.getPropertySources()::addLast);
			return Binder.get(environment).bind("triage.routing", RoutingProperties.class).get();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Route route(String subject, String description) {
		return route(subject, description, null, null, "dev@shop.no");
	}

	Route route(String subject, String description, String httpRequest, String topic, String email) {
		Evaluation evaluation = evaluator.evaluate(new ChecklistInput(subject, description, null, email, null, null,
				null, null, null, null, null, null, List.of(), httpRequest, null, null, List.of()));
		boolean technical = evaluation.facts().httpMethod() != null;
		return router.route(new RoutingInput(subject, description, topic, email, evaluation.facts(), technical));
	}

	Route routeExchange(String subject, String description, String request, String response, String topic) {
		Evaluation evaluation = evaluator.evaluate(new ChecklistInput(subject, description, null, "dev@shop.no", null,
				null, null, null, null, null, null, null, List.of(), request, response, null, List.of()));
		return router.route(new RoutingInput(subject, description, topic, "dev@shop.no", evaluation.facts(), true));
	}

	@ParameterizedTest(name = "{0} ← {1}")
	@CsvSource(delimiter = '|', value = {
			"CUSTOMER_SERVICE|Change of admin|Our admin left the company. How do we add a new administrator for our sales units?",
			"CUSTOMER_SERVICE|Ny administrator|Vi trenger å bytte administrator for salgsstedet vårt.",
			"CUSTOMER_SERVICE|Ny admin|Hvordan skifter vi admin for vores brugersted?",
			"CUSTOMER_SERVICE|Uusi pääkäyttäjä|Miten vaihdamme pääkäyttäjän myyntipisteelle?",
			"STATUS_PAGE|Is Vipps down?|Nobody can pay in our shop right now, is there an outage?",
			"STATUS_PAGE|Driftsforstyrrelse?|Ingen kan betale hos oss nå. Er det driftsforstyrrelse eller nedetid?",
			"STATUS_PAGE|Nedbrud|Er der nedbrud? Ingen kunder kan betale.",
			"STATUS_PAGE|Katko?|Onko palvelussa katko? Kukaan ei pysty maksamaan.",
			"PORTAL|Status of our application|We applied for Vipps på nett two weeks ago. When will our application be approved?",
			"PORTAL|Søknad|Vi sendte søknad for to uker siden. Når blir den godkjent?",
			"PORTAL|Ansøgning|Hvornår bliver vores ansøgning godkendt?",
			"PORTAL|Hakemus|Milloin hakemuksemme hyväksytään?",
			"SETTLEMENTS|Utbetaling mangler|Vi har ikke mottatt utbetaling for salg 18. november. Oppgjørsfilen er tom.",
			"SETTLEMENTS|Missing payout|We have not received the payout for last week's sales. Where is the settlement?",
			"SETTLEMENTS|Manglende udbetaling|Vi har ikke fået udbetaling for sidste uge.",
			"SETTLEMENTS|Tilitys puuttuu|Emme ole saaneet tilitystä viime viikon myynneistä.",
			"SETTLEMENTS|Fees on our invoice|Why are the fees on this month's invoice higher than last month?",
			"PRODUCT_FEEDBACK|Feature request|It would be great if the app showed the order number. Please add it.",
			"PRODUCT_FEEDBACK|Forslag|Et forbedringsforslag: vis ordrenummer i appen.",
			"PLUGIN_VENDOR|WooCommerce plugin: order stays on hold|We use the Vipps MobilePay plugin for WooCommerce. After payment the order stays on hold.",
			"PLUGIN_VENDOR|Shopify|Our Shopify checkout app shows the wrong payment method name.",
			"PLUGIN_VENDOR|Magento module|After upgrading the Magento module the payment option disappeared.",
			"PARTNER_DOCS|How do partner keys work?|We are a partner and want to use partner keys for our merchants. How does that work?",
			"PARTNER_DOCS|Partnernøkler|Vi er partner og lurer på hvordan partnernøkler fungerer for våre brukersteder.",
			"POS_VENDOR|Kassesystem|Betaling i kassesystemet vårt feiler i butikken.",
			"PSP|Through our PSP|We take payments through our payment service provider Adyen and the payment fails.",
			"MOBILEPAY_SUPPORT|AppSwitch on MobilePay Online|Our MobilePay Online AppSwitch flow stopped working." })
	void sendsEachTopicToItsDestination(Destination expected, String subject, String description) {
		Route route = route(subject, description);

		assertThat(route.destination()).as(route.reasons().toString()).isEqualTo(expected);
		assertThat(route.confidence()).isGreaterThanOrEqualTo(PROPERTIES.minimumConfidence());
		assertThat(route.reasons()).isNotEmpty();
		assertThat(route.name()).isNotBlank();
		assertThat(route.instructions()).isNotBlank();
	}

	@Test
	void aTechnical400ThatMentionsAnInvoiceInPassingStaysTechnical() {
		Route route = route("POST /epayment/v1/payments gives HTTP 400",
				"1. We create a payment for invoice 2026-118 from our shop. 2. We get HTTP 400 with error code 4040.",
				"POST /epayment/v1/payments HTTP/1.1\nHost: api.vipps.no\n\n{\"reference\":\"invoice-2026-118\"}", null,
				"dev@shop.no");

		assertThat(route.destination()).isEqualTo(Destination.INTEGRATION_SERVICES);
		assertThat(route.suggested()).isNull();
	}

	@Test
	void aPluginHeaderWithAPlainPluginProblemGoesToThePluginVendor() {
		Route route = route("Payment option missing", "The payment option disappeared from our checkout after an update.",
				"POST /epayment/v1/payments HTTP/1.1\nHost: api.vipps.no\nVipps-System-Plugin-Name: vipps-woocommerce\n"
						+ "Vipps-System-Plugin-Version: 4.0.3",
				null, "shop@shop.no");

		assertThat(route.destination()).isEqualTo(Destination.PLUGIN_VENDOR);
		assertThat(route.contact().name()).isEqualTo("WP Hosting");
		assertThat(route.instructions()).contains("WP Hosting");
	}

	@Test
	void aTechnicalProblemThatNamesAPluginInPassingStaysTechnical() {
		Route route = route("Capture returns 400 (6080)",
				"Our own backend (we moved away from WooCommerce last year) calls capture and gets HTTP 400 with error code 6080.",
				"POST /epayment/v1/payments/order-123456/capture HTTP/1.1\nHost: api.vipps.no", null, "dev@shop.no");

		assertThat(route.destination()).isEqualTo(Destination.INTEGRATION_SERVICES);
	}

	@Test
	void aPartnerAskingHowPartnerKeysWorkGetsPartnerDocs() {
		Route route = route("Partner keys", "As a partner, how do partner keys work when we onboard our merchants?");

		assertThat(route.destination()).isEqualTo(Destination.PARTNER_DOCS);
		assertThat(route.link()).contains("partner");
	}

	@Test
	void aMerchantIntegratedThroughAPartnerIsSentToThatPartnerByName() {
		Route route = route("Payments fail", "Payments fail for our customers since this morning. MSN 223344.");

		assertThat(route.destination()).isEqualTo(Destination.PARTNER);
		assertThat(route.contact().name()).isEqualTo("Webshop Partner AS");
		assertThat(route.instructions()).contains("Webshop Partner AS");
		assertThat(route.reasons()).anySatisfy(r -> assertThat(r).contains("Fjellsport AS"));
	}

	@Test
	void thePartnerItselfIsHelpedDirectly() {
		Route route = route("Payments fail", "Payments fail for our merchant since this morning. MSN 223344.", null,
				null, "dev@webshoppartner.no");

		assertThat(route.destination()).isEqualTo(Destination.INTEGRATION_SERVICES);
	}

	@Test
	void aMerchantOfAPspIsSentToThePspByName() {
		Route route = route("Payment declined", "Payments are declined in our shop. MSN 445566.");

		assertThat(route.destination()).isEqualTo(Destination.PSP);
		assertThat(route.contact().name()).isEqualTo("Acme PSP");
	}

	@Test
	void aMerchantWithAPosVendorIsSentThereForTillProblems() {
		Route route = route("Kassen feiler", "Betaling i kassesystemet feiler i butikken. MSN 556677.");

		assertThat(route.destination()).isEqualTo(Destination.POS_VENDOR);
		assertThat(route.contact().name()).isEqualTo("KasseSystemer AS");
	}

	@Test
	void aLegacyMobilePayHostGoesToMobilePaySupport() {
		Route route = route("Payment fails", "The call fails every time.",
				"POST /v1/payments HTTP/1.1\nHost: api.mobilepay.dk", null, "dev@shop.dk");

		assertThat(route.destination()).isEqualTo(Destination.MOBILEPAY_SUPPORT);
	}

	@ParameterizedTest
	@CsvSource({ "SETTLEMENTS, SETTLEMENTS", "settlement, SETTLEMENTS", "plugin, PLUGIN_VENDOR",
			"technical, INTEGRATION_SERVICES", "customer-service, CUSTOMER_SERVICE" })
	void anExplicitTopicWinsOverKeywords(String topic, Destination expected) {
		Route route = route("Utbetaling mangler", "Vi har ikke mottatt utbetaling for forrige uke.", null, topic,
				"kari@shop.no");

		assertThat(route.destination()).isEqualTo(expected);
		assertThat(route.confidence()).isEqualTo(1.0);
	}

	@Test
	void nothingPointingAnywhereIsDeveloperSupport() {
		Route route = route("Help!!", "Vipps does not work. Please call me.");

		assertThat(route.destination()).isEqualTo(Destination.INTEGRATION_SERVICES);
		assertThat(route.suggested()).isNull();
	}

	@Test
	void anUnclearCaseStaysWithDeveloperSupportAndSuggestsTheOtherDestination() {
		Route route = route("Settlement report API returns 500",
				"When we fetch the settlement file for our payout we get HTTP 500 from the API.");

		assertThat(route.destination()).isEqualTo(Destination.INTEGRATION_SERVICES);
		assertThat(route.suggested()).isEqualTo(Destination.SETTLEMENTS);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"New keys from the administrator do not work|Our administrator generated new API keys for the sales unit. Now POST /accesstoken/get returns 401 Unauthorized.",
			"Payment approved but not captured|The user approved the payment, but GET /epayment/v1/payments/ref-9 still shows state CREATED and capture returns 400.",
			"Application approved but API returns 403|Our application was approved yesterday, but POST /epayment/v1/payments returns 403 Forbidden.",
			"If our server is down when you send the callback, do you retry?|We want to know how the callback retries work for ePayment.",
			"Login in our mobile application|How should we start Vipps Login from our own mobile app?",
			"Betaling godkjent men ordren står åpen|Kunden godkjente betalingen i appen, men ordren vår står fortsatt åpen.",
			"We are writing our own shop software|We write our own shop software (not WooCommerce) and want to call the ePayment API." })
	void aTechnicalQuestionOrFailureStaysWithDeveloperSupport(String subject, String description) {
		Route route = route(subject, description);

		assertThat(route.destination()).as(route.reasons().toString()).isEqualTo(Destination.INTEGRATION_SERVICES);
	}

	@Test
	void anExchangeOutweighsSettlementWordsInTheSubject() {
		Route route = route("Settlement payouts: fees missing in settlement report", "The fee is null in the ledger.",
				"GET /report/v2/ledgers/123/funds/dates/2026-11-20 HTTP/1.1\nHost: api.vipps.no", null, "dev@shop.no");

		assertThat(route.destination()).isEqualTo(Destination.INTEGRATION_SERVICES);
		assertThat(route.suggested()).isEqualTo(Destination.SETTLEMENTS);
	}

	@Test
	void aTopicDoesNotOutweighAFailingCall() {
		Route route = routeExchange("Report fails", "The ledger call fails.",
				"GET /report/v2/ledgers HTTP/1.1\nHost: api.vipps.no", "HTTP/1.1 400 Bad Request", "settlement");

		assertThat(route.destination()).isEqualTo(Destination.INTEGRATION_SERVICES);
		assertThat(route.suggested()).isEqualTo(Destination.SETTLEMENTS);
	}

	@Test
	void aPluginWhoseCallFailsWithAServerErrorIsForDeveloperSupportFirst() {
		Route route = routeExchange("Capture fails", "Capture fails for all orders.",
				"POST /epayment/v1/payments/order-1/capture HTTP/1.1\nHost: api.vipps.no\nVipps-System-Plugin-Name: vipps-woocommerce",
				"HTTP/1.1 500 Internal Server Error", null);

		assertThat(route.destination()).isEqualTo(Destination.INTEGRATION_SERVICES);
		assertThat(route.suggested()).isEqualTo(Destination.PLUGIN_VENDOR);
	}

	@ParameterizedTest(name = "{0} ← {1}")
	@CsvSource(delimiter = '|', value = {
			"STATUS_PAGE|Er Vipps nede nå?|Ingen betalinger går gjennom i butikken vår. Er Vipps nede?",
			"STATUS_PAGE|MobilePay on alhaalla|MobilePay on alhaalla, onko palvelukatko?",
			"STATUS_PAGE|Is there an incident?|Nobody can pay right now. Is there an incident?",
			"PSP|Maksut eivät mene läpi|Otamme maksut vastaan maksunvälittäjän Nets kautta, ja maksut hylätään.",
			"PSP|Betaling via Klarna|Vi tar betalt gjennom Klarna i nettbutikken, og noen betalinger feiler.",
			"PARTNER_DOCS|Partnernøkler|Vi er partner og lurer på hvordan partnernøkler fungerer for våre brukersteder.",
			"PARTNER_DOCS|Partnernøgler|Vi er partner. Hvordan bruger vi partnernøgler for vores brugersteder?",
			"PARTNER|Kumppanimme|Kumppanimme on asentanut MobilePayn verkkokauppaamme, ja meillä on kysymys siitä.",
			"CUSTOMER_SERVICE|Cancel our agreement|We are closing the shop and want to cancel our agreement.",
			"CUSTOMER_SERVICE|Sopimuksen irtisanominen|Haluamme irtisanoa sopimuksen, koska lopetamme myymälän.",
			"PRODUCT_FEEDBACK|Kehitysehdotus|Olisi hienoa, jos sovellus näyttäisi tilausnumeron.",
			"PRODUCT_FEEDBACK|Partial cancel|We would love it if you offered a feature request form; it would be great to cancel partially.",
			"SETTLEMENTS|Palvelumaksut|Miksi palvelumaksut ovat nousseet tässä kuussa?",
			"MOBILEPAY_SUPPORT|MobilePay Invoice|Vi bruger MobilePay Invoice. Hvordan annullerer vi en faktura i MobilePay Invoice?" })
	void nordicPhrasingsForEachDestination(Destination expected, String subject, String description) {
		Route route = route(subject, description);

		assertThat(route.destination()).as(route.reasons().toString()).isEqualTo(expected);
	}

	@Test
	void aLegacyMobilePayHostIsMobilePaysEvenWhenTheCallFails() {
		Route route = route("Payment fails with 401", "The call fails every time with 401.",
				"POST /v1/payments HTTP/1.1\nHost: api.sandbox.mobilepay.dk", null, "dev@shop.dk");

		assertThat(route.destination()).isEqualTo(Destination.MOBILEPAY_SUPPORT);
	}

	@Test
	void aDirectoryEntryDoesNotOutweighAClearCustomerServiceQuestion() {
		Route route = route("Change of admin", "Our admin left. How do we change the admin for our sales unit? MSN 223344.");

		assertThat(route.destination()).isEqualTo(Destination.CUSTOMER_SERVICE);
	}

	@Test
	void aPosVendorIsOnlyForTillProblems() {
		Route route = route("Missing payout", "We have not received the payout for last week. MSN 556677.");

		assertThat(route.destination()).isEqualTo(Destination.SETTLEMENTS);
	}

	@ParameterizedTest(name = "{0} ({1}): {2}")
	@CsvFileSource(resources = "/routing/phrasings.csv", delimiter = '|', numLinesToSkip = 1, maxCharsPerColumn = 1000)
	void everyDestinationInEveryLanguage(Destination expected, String language, String subject, String description) {
		Route route = route(subject, description);

		assertThat(route.destination()).as(language + " " + route.reasons()).isEqualTo(expected);
	}

}
