package com.triagedesk.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;

import com.triagedesk.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like HTTP client for the web pages: keeps cookies, does not follow redirects, logs in
 * through the form with its CSRF token.
 */
final class WebSession {

	static final String PASSWORD = "correct horse battery staple";

	private final TestHttp http;

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	WebSession(TestHttp http) {
		this.http = http;
	}

	HttpResponse<String> get(String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(http.url(path))).build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Any request, with this session's cookies.
	 */
	HttpResponse<String> send(HttpRequest request) throws Exception {
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A form post; {@code csrf} null sends none, as a forged cross-site form would.
	 */
	HttpResponse<String> post(String path, String form, String csrf) throws Exception {
		String body = csrf == null ? form : form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		return client.send(HttpRequest.newBuilder(URI.create(http.url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A multipart form post with one file, as a browser's upload.
	 */
	HttpResponse<String> upload(String path, String field, String filename, String content) throws Exception {
		String boundary = "----triage" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return client.send(HttpRequest.newBuilder(URI.create(http.url(path)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The CSRF token of the form on this page.
	 */
	String csrf(String path) throws Exception {
		return Jsoup.parse(get(path).body()).select("input[name=_csrf]").attr("value");
	}

	boolean tryLogIn(String email, String password) throws Exception {
		HttpResponse<String> response = post("/login", "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), csrf("/login"));
		return response.statusCode() == 302 && !response.headers().firstValue("Location").orElse("").contains("error");
	}

	WebSession logIn(String email) throws Exception {
		assertThat(tryLogIn(email, PASSWORD)).as("log-in of %s", email).isTrue();
		return this;
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
