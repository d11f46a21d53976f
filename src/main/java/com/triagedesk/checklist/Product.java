package com.triagedesk.checklist;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.re2j.Pattern;

/**
 * The provider's products and APIs, with the names people use and the path prefixes that give
 * them away.
 */
public enum Product {

	ACCESS_TOKEN(false, List.of("access token api", "access token", "accesstoken"),
			List.of("/accesstoken/get", "/miami/v1/token", "/authentication/v1/token")),
	EPAYMENT(true, List.of("epayment api", "epayment", "e-payment api", "e-payment", "epayment-api"),
			List.of("/epayment/v1/")),
	RECURRING(true, List.of("recurring api", "recurring", "recurring payments"),
			List.of("/recurring/v2/", "/recurring/v3/", "/recurring/v4/")),
	LOGIN(false, List.of("login api", "vipps login", "mobilepay login", "vipps mobilepay login", "login", "oidc",
			"openid connect"), List.of("/access-management-1.0/access/", "/vipps-login-ciba/")),
	USERINFO(false, List.of("userinfo api", "userinfo"), List.of("/vipps-userinfo-api/userinfo")),
	CHECKOUT(true, List.of("checkout api", "vipps checkout", "mobilepay checkout", "checkout"),
			List.of("/checkout/v2/", "/checkout/v3/")),
	ECOM(true, List.of("ecom api", "ecomm api", "ecom", "ecomm", "e-com api", "ecommerce api"),
			List.of("/ecomm/v1/", "/ecomm/v2/")),
	ORDER_MANAGEMENT(true, List.of("order management api", "order management", "order-management"),
			List.of("/order-management/")),
	MANAGEMENT(false, List.of("management api", "management"), List.of("/management/v1/")),
	PARTNER_API(false, List.of("partner api"), List.of("/partner-api/")),
	REPORT(false, List.of("report api", "settlement api", "report"),
			List.of("/report/v1/", "/report/v2/", "/settlement/v1/")),
	WEBHOOKS(false, List.of("webhooks api", "webhook api", "webhooks"), List.of("/webhooks/v1/")),
	QR(false, List.of("qr api", "qr"), List.of("/qr/v1")),
	PSP(true, List.of("psp api", "psp"), List.of("/psp/v3/", "/merchant-management/psp/")),
	CHECK_IN(false, List.of("check-in api", "check-in", "check in api", "loyalty check-in"),
			List.of("/v1/loyalty-check-in")),
	SALES(false, List.of("sales api"), List.of()),
	DONATIONS(false, List.of("donations api"), List.of()),
	INVOICE(false, List.of("invoice api", "efaktura", "efaktura api"), List.of());

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/**
	 * Brand names, versions and remarks around a product name. A remark ends at the next bracket: with
	 * {@code \(.*?\)} every unclosed "(" made the search read on to the end of the text, in time
	 * quadratic in its length (found by ExtractorsFuzzTest).
	 */
	private static final Pattern DECORATION = Pattern
		.compile("\\b(?:vipps|mobilepay|by|the)\\b|\\bv\\d+(?:\\.\\d+)*\\b|\\([^()\\n]*\\)|[/,-]");

	private static final java.util.Map<String, Product> ALIASES = java.util.Map.ofEntries(
			java.util.Map.entry("webhook", Product.WEBHOOKS), java.util.Map.entry("settlement", Product.REPORT),
			java.util.Map.entry("settlements", Product.REPORT), java.util.Map.entry("ecommerce", Product.ECOM),
			java.util.Map.entry("e commerce", Product.ECOM), java.util.Map.entry("access token", Product.ACCESS_TOKEN),
			java.util.Map.entry("token", Product.ACCESS_TOKEN), java.util.Map.entry("payments", Product.EPAYMENT),
			java.util.Map.entry("login with", Product.LOGIN), java.util.Map.entry("logg inn", Product.LOGIN),
			java.util.Map.entry("faste betalinger", Product.RECURRING), java.util.Map.entry("netthandel", Product.ECOM));

	private final boolean paymentApi;

	private final List<String> names;

	private final List<String> pathPrefixes;

	Product(boolean paymentApi, List<String> names, List<String> pathPrefixes) {
		this.paymentApi = paymentApi;
		this.names = names;
		this.pathPrefixes = pathPrefixes;
	}

	/**
	 * Whether payments of this API carry an {@code orderId} (reference) that support needs.
	 */
	public boolean paymentApi() {
		return paymentApi;
	}

	List<String> pathPrefixes() {
		return pathPrefixes;
	}

	/**
	 * The product a name stands for: the key itself or a name people use, in any letter case.
	 */
	public static Optional<Product> byName(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String t = SPACES.matcher(text.strip().toLowerCase(Locale.ROOT).replace('_', ' ')).replaceAll(" ");
		Optional<Product> exact = exactly(t);
		if (exact.isPresent()) {
			return exact;
		}
		// "Vipps ePayment API v1", "MobilePay Recurring API (v3)", "Webhook", "Settlement"
		String bare = SPACES.matcher(DECORATION.matcher(t).replaceAll(" ")).replaceAll(" ").strip();
		return exactly(bare).or(() -> exactly(bare + " api")).or(() -> Optional.ofNullable(ALIASES.get(bare)));
	}

	private static Optional<Product> exactly(String name) {
		for (Product product : values()) {
			if (product.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(name) || product.names.contains(name)) {
				return Optional.of(product);
			}
		}
		return Optional.empty();
	}

	/**
	 * The product whose path prefix starts this path (matched case-insensitively).
	 */
	public static Optional<Product> byPath(String path) {
		if (path == null) {
			return Optional.empty();
		}
		String p = path.toLowerCase(Locale.ROOT);
		for (Product product : values()) {
			for (String prefix : product.pathPrefixes) {
				if (p.startsWith(prefix)) {
					return Optional.of(product);
				}
			}
		}
		return Optional.empty();
	}

}
