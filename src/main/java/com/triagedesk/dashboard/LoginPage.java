package com.triagedesk.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff log-in page; Spring Security checks the password on {@code POST /login}.
 */
@Controller
class LoginPage {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
