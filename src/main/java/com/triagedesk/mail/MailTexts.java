package com.triagedesk.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the mails that are not in the templates: checklist item names and how to supply
 * each, status names, and dates, in English and Norwegian.
 */
final class MailTexts {

	private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	private static final Map<String, String[]> TITLES = Map.ofEntries(
			Map.entry("DESCRIPTION", new String[] { "Step-by-step description", "Steg-for-steg-beskrivelse" }),
			Map.entry("SUBJECT", new String[] { "A clear subject", "Et tydelig emne" }),
			Map.entry("ORGANIZATION_NUMBER", new String[] { "Organization number", "Organisasjonsnummer" }),
			Map.entry("MERCHANT_SERIAL_NUMBER",
					new String[] { "Merchant serial number (MSN)", "Salgsstednummer (MSN)" }),
			Map.entry("PRODUCT", new String[] { "Product / API", "Produkt / API" }),
			Map.entry("ENVIRONMENT", new String[] { "Environment", "Miljø" }),
			Map.entry("ORDER_REFERENCES", new String[] { "orderId / reference", "orderId / referanse" }),
			Map.entry("DATES", new String[] { "Dates and times", "Dato og klokkeslett" }),
			Map.entry("HTTP_EXCHANGE", new String[] { "Full HTTP request and response",
					"Hele HTTP-forespørselen og -svaret" }),
			Map.entry("SCREENSHOTS", new String[] { "Screenshots", "Skjermbilder" }),
			Map.entry("CONTACT", new String[] { "Contact details", "Kontaktinformasjon" }),
			Map.entry("OTHER_INFO", new String[] { "Anything else", "Annet" }));

	private static final Map<String, String[]> HINTS = Map.ofEntries(
			Map.entry("DESCRIPTION", new String[] {
					"what you did, step by step, what you expected and what happened instead",
					"hva dere gjorde, steg for steg, hva dere forventet og hva som skjedde i stedet" }),
			Map.entry("SUBJECT", new String[] { "the API call and the error, e.g. \"POST /epayment/v1/payments gives HTTP 400\"",
					"API-kallet og feilen, f.eks. \"POST /epayment/v1/payments gir HTTP 400\"" }),
			Map.entry("ORGANIZATION_NUMBER", new String[] { "the merchant's 9-digit organization number",
					"salgsstedets organisasjonsnummer (9 sifre)" }),
			Map.entry("MERCHANT_SERIAL_NUMBER", new String[] {
					"the MSN (5 to 7 digits) of the sales unit, as in the Merchant-Serial-Number header",
					"MSN (5–7 sifre) for salgsstedet, som i headeren Merchant-Serial-Number" }),
			Map.entry("PRODUCT", new String[] { "which API or product, e.g. ePayment API, Recurring API, Login",
					"hvilket API eller produkt, f.eks. ePayment API, Recurring API, Login" }),
			Map.entry("ENVIRONMENT", new String[] { "test (apitest.vipps.no) or production (api.vipps.no)",
					"test (apitest.vipps.no) eller produksjon (api.vipps.no)" }),
			Map.entry("ORDER_REFERENCES", new String[] { "the orderId or reference of an affected payment",
					"orderId eller referanse for en berørt betaling" }),
			Map.entry("DATES", new String[] { "when it happened (date and time)", "når det skjedde (dato og klokkeslett)" }),
			Map.entry("HTTP_EXCHANGE", new String[] {
					"the full HTTP request and response (headers and body), with secrets cut out",
					"hele HTTP-forespørselen og -svaret (headere og body), uten hemmeligheter" }),
			Map.entry("SCREENSHOTS", new String[] { "screenshots of what the user sees", "skjermbilder av det brukeren ser" }),
			Map.entry("CONTACT", new String[] { "your name and a phone number", "navn og telefonnummer" }),
			Map.entry("OTHER_INFO", new String[] { "anything else that may matter", "annet som kan ha betydning" }));

	private static final Map<String, String[]> STATUSES = Map.of("NEEDS_INFO",
			new String[] { "waiting for more information from you", "venter på mer informasjon fra deg" }, "OPEN",
			new String[] { "open and with our team", "åpen og hos teamet vårt" }, "PENDING",
			new String[] { "waiting for your answer", "venter på svar fra deg" }, "RESOLVED",
			new String[] { "resolved", "løst" }, "CLOSED", new String[] { "closed", "lukket" });

	private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter NO = DateTimeFormatter.ofPattern("EEEE d. MMMM yyyy 'kl.' HH:mm",
			Locale.forLanguageTag("nb-NO"));

	private MailTexts() {
	}

	static String title(String item, Language language) {
		return pick(TITLES, item, language, item);
	}

	static String hint(String item, Language language) {
		return pick(HINTS, item, language, "");
	}

	static String status(String status, Language language) {
		return pick(STATUSES, status, language, status);
	}

	static String businessHours(Language language) {
		return language == Language.NO
				? "Vi jobber mandag–fredag 08:00–16:00 norsk tid, unntatt helligdager."
				: "Our business hours are Monday–Friday 08:00–16:00 Norwegian time, except public holidays.";
	}

	static String firstResponse(String target, Instant due, Language language) {
		String hours = target.replace("PT", "").replace("H", language == Language.NO ? " arbeidstimer" : " business hours");
		if (due == null) {
			return language == Language.NO ? "Vi svarer innen " + hours + ". " + businessHours(language)
					: "We answer within " + hours + ". " + businessHours(language);
		}
		return language == Language.NO
				? "Vi svarer innen " + hours + ", senest " + NO.format(due.atZone(OSLO)) + " (norsk tid)."
				: "We answer within " + hours + ", by " + EN.format(due.atZone(OSLO)) + " (Norwegian time).";
	}

	private static String pick(Map<String, String[]> texts, String key, Language language, String fallback) {
		String[] both = texts.get(key);
		return both == null ? fallback : both[language == Language.NO ? 1 : 0];
	}

}
