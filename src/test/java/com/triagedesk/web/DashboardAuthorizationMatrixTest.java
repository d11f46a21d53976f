package com.triagedesk.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.triagedesk.AppIntegrationTest;
import com.triagedesk.dashboard.StaffUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dashboard route the application has (read from Spring MVC's own mappings, so a new page
 * is covered the day it is added) × anonymous, agent and admin: anonymous visitors are sent to
 * the log-in, agents are refused administration, and nobody else is refused anything.
 */
class DashboardAuthorizationMatrixTest extends AppIntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	StaffUsers staff;

	record Route(String method, String path) {
	}

	@Test
	void everyDashboardRouteAnswersEachRoleAsItShould() throws Exception {
		String key = http.postJson("/api/v1/requests", """
				{"subject": "Matrix", "description": "An issue for the authorization matrix.",
				 "reporter": {"email": "matrix@acme-shop.no"}}""").json().get("issueKey").asString();
		List<Route> routes = routes(key);
		WebSession anonymous = new WebSession(http);
		WebSession agent = new WebSession(http).logIn(newStaff(StaffUsers.Role.AGENT));
		WebSession admin = new WebSession(http).logIn(newStaff(StaffUsers.Role.ADMIN));
		List<String> holes = new ArrayList<>();

		for (Route route : routes) {
			boolean administration = route.path().startsWith("/dashboard/admin");
			HttpResponse<String> asAnonymous = call(anonymous, route);
			if (!toLogIn(asAnonymous)) {
				holes.add("anonymous " + route + " -> " + asAnonymous.statusCode());
			}
			HttpResponse<String> asAgent = call(agent, route);
			if (administration ? asAgent.statusCode() != 403 : refused(asAgent)) {
				holes.add("agent " + route + " -> " + asAgent.statusCode());
			}
			HttpResponse<String> asAdmin = call(admin, route);
			if (refused(asAdmin)) {
				holes.add("admin " + route + " -> " + asAdmin.statusCode());
			}
		}

		assertThat(routes).hasSizeGreaterThanOrEqualTo(25);
		assertThat(holes).isEmpty();
		System.out.printf("Dashboard authorization matrix: %d routes x 3 callers = %d cases, %d holes%n", routes.size(),
				routes.size() * 3, holes.size());
	}

	private List<Route> routes(String key) {
		Set<String> seen = new TreeSet<>();
		List<Route> routes = new ArrayList<>();
		mappings.getHandlerMethods().keySet().forEach(info -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/dashboard")) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					String path = pattern.replace("{key}", key)
						.replace("{id}", pattern.contains("attachments") ? "1" : UUID.randomUUID().toString());
					if (seen.add(method + " " + path)) {
						routes.add(new Route(method.name(), path));
					}
				}
			}
		});
		return routes;
	}

	/**
	 * GETs as they are; POSTs with the session's CSRF token and no fields, so nothing changes but
	 * the authorization decision still has to be made.
	 */
	private HttpResponse<String> call(WebSession session, Route route) throws Exception {
		if (route.method().equals("GET")) {
			return session.get(route.path());
		}
		return session.post(route.path(), "", session.csrf("/login"));
	}

	private static boolean toLogIn(HttpResponse<String> response) {
		return response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
	}

	private static boolean refused(HttpResponse<String> response) {
		return response.statusCode() == 401 || response.statusCode() == 403 || toLogIn(response);
	}

	private String newStaff(StaffUsers.Role role) {
		String email = role.name().toLowerCase() + ".matrix." + UUID.randomUUID().toString().substring(0, 6)
				+ "@provider.example";
		staff.create(email, "Matrix " + role, role, WebSession.PASSWORD);
		return email;
	}

}
